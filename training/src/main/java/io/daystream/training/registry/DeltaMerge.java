package io.daystream.training.registry;

import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A SQL {@code MERGE} into a Delta table that reports what it did: Delta's SQL MERGE returns the
 * rows it inserted and updated, which the Java builder does not. One commit, as any MERGE.
 */
final class DeltaMerge {

  /** Rows a MERGE changed. */
  record Outcome(long inserted, long updated) {}

  private DeltaMerge() {}

  /**
   * Runs {@code MERGE INTO delta.`path` t USING <source> s <clauses>}.
   *
   * @throws io.delta.exceptions.DeltaConcurrentModificationException when a concurrent commit conflicts
   */
  static Outcome run(SparkSession spark, String targetPath, Dataset<Row> source, String clauses) {
    String view = "registry_merge_" + UUID.randomUUID().toString().replace("-", "");
    source.createOrReplaceTempView(view);
    try {
      Row metrics = spark.sql("MERGE INTO delta.`" + targetPath.replace("`", "``") + "` t USING " + view + " s "
          + clauses).first();
      return new Outcome(metrics.<Long>getAs("num_inserted_rows"), metrics.<Long>getAs("num_updated_rows"));
    } finally {
      spark.catalog().dropTempView(view);
    }
  }
}
