package io.daystream.features.job;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The tasks whose gold tables the {@code features} command builds, by name. */
public final class FeatureTasks {

  public static final List<String> NAMES = List.of("engagement", "market");

  private FeatureTasks() {}

  /** @throws IllegalArgumentException for a name not in {@link #NAMES} */
  public static FeatureTask of(String name, SparkSession spark, Lake lake, DaystreamConfig config) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown task '" + name + "', expected one of " + NAMES);
    }
    throw new UnsupportedOperationException("the " + name + " feature sets are not registered yet");
  }
}
