package io.daystream.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads a duration option written as 5s, 1m or 2h (ISO-8601 without the PT). */
public final class DurationOption {

  private DurationOption() {}

  /** @throws IllegalArgumentException naming {@code option} when {@code text} is no duration or is negative */
  public static Duration parse(String option, String text) {
    try {
      Duration duration = Duration.parse("PT" + text.trim().toUpperCase(Locale.ROOT));
      if (duration.isNegative()) {
        throw new IllegalArgumentException(option + " must not be negative, got '" + text + "'");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " expects a duration such as 5s or 1m, got '" + text + "'");
    }
  }
}
