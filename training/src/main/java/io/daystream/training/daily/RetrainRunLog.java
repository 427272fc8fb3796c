package io.daystream.training.daily;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The days the daily retraining finished, table {@code ops/retrain_runs}: one row per finished
 * (task, day, settings), written after the day's champions moved. A day counts as finished only
 * through this row, so a run that crashed part-way is run again, and a finished one is not.
 * Appends only: one small commit per day.
 */
public final class RetrainRunLog {

  /** How a day ended. */
  public enum Status {
    /** Trained, judged, champions decided. */
    DONE,
    /** Nothing to train or judge (no examples on the day): recorded, so a backfill does not retry it. */
    SKIPPED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A finished day, as recorded. */
  public record Entry(String task, LocalDate day, String settings, Status status, Optional<String> reason,
      String runId) {}

  static final StructType SCHEMA = new StructType()
      .add("task", DataTypes.StringType, false)
      .add("evaluation_day", DataTypes.DateType, false)
      .add("settings", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, true)
      .add("run_id", DataTypes.StringType, false)
      .add("finished_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final String path;
  private final Clock clock;

  public RetrainRunLog(SparkSession spark, Lake lake, Clock clock) {
    this.spark = spark;
    this.path = lake.path(LakeTable.RETRAIN_RUNS);
    this.clock = clock;
  }

  /** The record of the day under these settings, if the day finished. */
  public Optional<Entry> finished(String task, LocalDate day, String settings) {
    if (!DeltaTables.exists(spark, path)) {
      return Optional.empty();
    }
    Dataset<Row> rows = spark.read().format("delta").load(path)
        .where(col("task").equalTo(task).and(col("evaluation_day").equalTo(Date.valueOf(day)))
            .and(col("settings").equalTo(settings)))
        .orderBy(col("finished_at").desc());
    return rows.limit(1).collectAsList().stream().findFirst().map(RetrainRunLog::entryOf);
  }

  public void record(Entry entry) {
    Row row = RowFactory.create(entry.task(), Date.valueOf(entry.day()), entry.settings(), entry.status().label(),
        entry.reason().orElse(null), entry.runId(), Timestamp.from(clock.instant()));
    spark.createDataFrame(List.of(row), SCHEMA).write().format("delta").mode("append").save(path);
  }

  private static Entry entryOf(Row row) {
    return new Entry(row.getString(0), row.getDate(1).toLocalDate(), row.getString(2),
        Status.valueOf(row.getString(3).toUpperCase(java.util.Locale.ROOT)),
        Optional.ofNullable(row.getString(4)), row.getString(5));
  }
}
