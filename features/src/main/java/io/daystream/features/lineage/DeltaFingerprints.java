package io.daystream.features.lineage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.daystream.core.lake.Lake;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;

/**
 * Fingerprints the partitions an input read covers, from the Delta log alone (the table's current
 * snapshot of file entries), without reading any data file.
 */
public final class DeltaFingerprints {

  private final SparkSession spark;
  private final Lake lake;

  public DeltaFingerprints(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  public InputFingerprint of(InputRead read) {
    String folder = read.table().folder();
    DeltaLog log = DeltaLog.forTable(spark, lake.path(read.table()));
    Snapshot snapshot = log.update(false, scala.Option.empty());
    if (snapshot.version() < 0) {
      return new InputFingerprint(folder, read.days().toString(), -1, 0, 0, 0);
    }
    Row files = snapshot.allFiles().toDF()
        .where(col("partitionValues").getItem(read.dayColumn())
            .between(read.days().first().toString(), read.days().last().toString()))
        .agg(count(lit(1)), coalesce(sum("size"), lit(0L)), coalesce(max("modificationTime"), lit(0L)))
        .first();
    return new InputFingerprint(folder, read.days().toString(), snapshot.version(), files.getLong(0),
        files.getLong(1), files.getLong(2));
  }
}
