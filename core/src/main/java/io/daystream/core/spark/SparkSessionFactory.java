package io.daystream.core.spark;

import io.daystream.core.config.SparkSettings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one way Daystream starts Spark: Delta enabled, UTC, sized by the configuration. */
public final class SparkSessionFactory {

  private SparkSessionFactory() {}

  public static SparkSession getOrCreate(SparkSettings settings) {
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(settings.appName());
    // spark-submit's --master wins; the configured master is for plain `java` runs and tests.
    boolean local = false;
    if (!submitted.contains("spark.master") && !settings.master().isEmpty()) {
      builder.master(settings.master());
      local = settings.master().startsWith("local");
    } else {
      local = submitted.get("spark.master", "").startsWith("local");
    }
    builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Event dates are UTC days everywhere; the machine's zone must not move them.
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", settings.shufflePartitions())
        // Delta's default of 50 snapshot partitions nearly doubles every commit on a small machine.
        .config("spark.databricks.delta.snapshotPartitions", settings.shufflePartitions())
        // Constraint inference only prunes filters here, and on Spark 3.4 it fails ("key not
        // found") on checkpointed frames whose origin plan holds a union, as in the scorer.
        .config("spark.sql.constraintPropagation.enabled", "false")
        // Spark's default refuses to write a timestamp before 1900 to Parquet (a legacy-calendar
        // check); validation keeps such times out, and should one pass, a write must not fail the
        // stream: write it in the proleptic Gregorian calendar Spark 3 computes with.
        .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
        .config("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED");
    if (local) {
      builder
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    for (Map.Entry<String, String> entry : settings.extra().entrySet()) {
      builder.config(entry.getKey(), entry.getValue());
    }
    return builder.getOrCreate();
  }
}
