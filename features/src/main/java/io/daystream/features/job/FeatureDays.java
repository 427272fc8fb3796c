package io.daystream.features.job;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.TableCreation;
import io.daystream.features.lineage.DayLineage;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The manifest of materialized feature days: per feature set and day, the lineage it was computed
 * from, its row count and when. A day with no rows (a holiday) is recorded too, so it is not
 * recomputed either. Written after the day's rows: a crash in between only costs a recompute.
 */
public final class FeatureDays {

  public static final StructType SCHEMA = new StructType()
      .add("feature_set", DataTypes.StringType, false)
      .add("day", DataTypes.DateType, false)
      .add("feature_set_version", DataTypes.StringType, false)
      .add("lineage", DataTypes.StringType, false)
      .add("rows", DataTypes.LongType, false)
      .add("written_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final String path;
  private final TableCreation creation;

  public FeatureDays(SparkSession spark, String path) {
    this.spark = spark;
    this.path = path;
    this.creation = new TableCreation(path, SCHEMA);
  }

  /** The lineage day {@code day} of {@code featureSet} was last written with, if it was. */
  public Optional<DayLineage> lineageOf(String featureSet, LocalDate day) {
    creation.ensure(spark);
    List<Row> rows = spark.read().format("delta").load(path)
        .where(col("feature_set").equalTo(featureSet).and(col("day").equalTo(Date.valueOf(day))))
        .select("lineage")
        .collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(DayLineage.fromJson(rows.get(0).getString(0)));
  }

  /** The latest day before {@code day} that {@code featureSet} was written for with {@code version}. */
  public Optional<LocalDate> latestDayBefore(String featureSet, String version, LocalDate day) {
    creation.ensure(spark);
    Row latest = spark.read().format("delta").load(path)
        .where(col("feature_set").equalTo(featureSet).and(col("feature_set_version").equalTo(version))
            .and(col("day").lt(Date.valueOf(day))))
        .agg(org.apache.spark.sql.functions.max("day"))
        .first();
    return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getDate(0).toLocalDate());
  }

  public void record(String featureSet, LocalDate day, DayLineage lineage, long rows) {
    creation.ensure(spark);
    Row row = RowFactory.create(featureSet, Date.valueOf(day), lineage.featureSetVersion(), lineage.toJson(), rows,
        Timestamp.from(Instant.now()));
    DeltaTable.forPath(spark, path).as("t")
        .merge(spark.createDataFrame(List.of(row), SCHEMA).as("s"), "t.feature_set = s.feature_set AND t.day = s.day")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }
}
