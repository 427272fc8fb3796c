package io.daystream.features.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;

import io.daystream.core.lake.TableCreation;
import io.daystream.features.day.DayRange;
import io.daystream.features.lineage.DayLineage;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The manifest of materialized feature days: per feature set and day, the lineage it was computed
 * from, its row count and when. A day with no rows (a holiday) is recorded too, so it is not
 * recomputed either. Written after the day's rows: a crash in between only costs a recompute.
 * Each write appends a record (one cheap commit, not a MERGE); a day's latest record is the
 * one that holds.
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
    List<Row> rows = current(col("feature_set").equalTo(featureSet).and(col("day").equalTo(Date.valueOf(day))))
        .select("lineage")
        .collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(DayLineage.fromJson(rows.get(0).getString(0)));
  }

  /** The latest day before {@code day} that {@code featureSet} was written for with {@code version}. */
  public Optional<LocalDate> latestDayBefore(String featureSet, String version, LocalDate day) {
    return latestDay(featureSet, version, col("day").lt(Date.valueOf(day)));
  }

  /** The latest day that {@code featureSet} was written for with {@code version}. */
  public Optional<LocalDate> latestDay(String featureSet, String version) {
    return latestDay(featureSet, version, lit(true));
  }

  private Optional<LocalDate> latestDay(String featureSet, String version, Column days) {
    creation.ensure(spark);
    Row latest = current(col("feature_set").equalTo(featureSet).and(days))
        .where(col("feature_set_version").equalTo(version))
        .agg(org.apache.spark.sql.functions.max("day"))
        .first();
    return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getDate(0).toLocalDate());
  }

  /** The days of {@code range} that {@code featureSet} was written for, with their version and rows. */
  public Map<LocalDate, WrittenDay> writtenDays(String featureSet, DayRange range) {
    creation.ensure(spark);
    Map<LocalDate, WrittenDay> days = new TreeMap<>();
    current(col("feature_set").equalTo(featureSet)
            .and(col("day").between(Date.valueOf(range.first()), Date.valueOf(range.last()))))
        .select("day", "feature_set_version", "rows")
        .collectAsList()
        .forEach(row -> days.put(row.getDate(0).toLocalDate(), new WrittenDay(row.getString(1), row.getLong(2))));
    return days;
  }

  /** How one day of a feature set was last written. */
  public record WrittenDay(String featureSetVersion, long rows) {}

  public void record(String featureSet, LocalDate day, DayLineage lineage, long rows) {
    creation.ensure(spark);
    Row row = RowFactory.create(featureSet, Date.valueOf(day), lineage.featureSetVersion(), lineage.toJson(), rows,
        Timestamp.from(Instant.now()));
    spark.createDataFrame(List.of(row), SCHEMA).write().format("delta").mode("append").save(path);
  }

  /** The latest record of each (feature set, day) that {@code filter} selects. */
  private Dataset<Row> current(Column filter) {
    Column latest = col("written_at");
    return spark.read().format("delta").load(path)
        .where(filter)
        .groupBy("feature_set", "day")
        .agg(max_by(col("feature_set_version"), latest).as("feature_set_version"),
            max_by(col("lineage"), latest).as("lineage"),
            max_by(col("rows"), latest).as("rows"));
  }
}
