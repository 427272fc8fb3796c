package io.daystream.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads typed values under one path and fails with the full key's name when one is wrong. */
final class ConfigReader {

  private final Config config;
  private final String prefix;

  ConfigReader(Config root, String prefix) {
    this.config = root.getConfig(prefix);
    this.prefix = prefix;
  }

  /** The reader of a nested section, e.g. {@code market} under {@code daystream.features}. */
  ConfigReader section(String key) {
    return new ConfigReader(prefix + "." + key, guard(key, () -> config.getConfig(key)));
  }

  private ConfigReader(String prefix, Config section) {
    this.config = section;
    this.prefix = prefix;
  }

  String string(String key) {
    return guard(key, () -> config.getString(key));
  }

  String nonEmptyString(String key) {
    String value = string(key);
    if (value.isBlank()) {
      throw bad(key, "must not be empty");
    }
    return value;
  }

  int intAtLeast(String key, int min) {
    int value = guard(key, () -> config.getInt(key));
    if (value < min) {
      throw bad(key, "must be at least " + min + ", was " + value);
    }
    return value;
  }

  long longAtLeast(String key, long min) {
    long value = guard(key, () -> config.getLong(key));
    if (value < min) {
      throw bad(key, "must be at least " + min + ", was " + value);
    }
    return value;
  }

  double doubleIn(String key, double min, double max) {
    double value = guard(key, () -> config.getDouble(key));
    if (!(value >= min && value <= max)) {
      throw bad(key, "must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  boolean bool(String key) {
    return guard(key, () -> config.getBoolean(key));
  }

  Duration positiveDuration(String key) {
    Duration value = guard(key, () -> config.getDuration(key));
    if (value.isZero() || value.isNegative()) {
      throw bad(key, "must be a positive duration, was " + value);
    }
    return value;
  }

  LocalDate date(String key) {
    String value = string(key);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw bad(key, "must be a date like 2020-03-01, was '" + value + "'");
    }
  }

  List<Integer> positiveIntList(String key) {
    List<Integer> values = guard(key, () -> config.getIntList(key));
    if (values.isEmpty()) {
      throw bad(key, "must list at least one value");
    }
    for (int value : values) {
      if (value < 1) {
        throw bad(key, "values must be at least 1, found " + value);
      }
    }
    if (values.stream().distinct().count() != values.size()) {
      throw bad(key, "values must be distinct, found " + values);
    }
    return List.copyOf(values);
  }

  List<String> stringList(String key) {
    return List.copyOf(guard(key, () -> config.getStringList(key)));
  }

  /** A flat map of string values, for pass-through properties. */
  Map<String, String> stringMap(String key) {
    Config sub = guard(key, () -> config.getConfig(key));
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> entry : sub.entrySet()) {
      map.put(unquote(entry.getKey()), String.valueOf(entry.getValue().unwrapped()));
    }
    return Map.copyOf(map);
  }

  InvalidConfigException bad(String key, String problem) {
    return new InvalidConfigException(prefix + "." + key + " " + problem);
  }

  private <T> T guard(String key, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException.Missing e) {
      throw bad(key, "is missing");
    } catch (ConfigException e) {
      throw bad(key, "is invalid: " + e.getMessage());
    }
  }

  private static String unquote(String key) {
    return key.replace("\"", "");
  }
}
