package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.daystream.core.lake.TableCreation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One row per ingested micro-batch: what came in, what landed, what was rejected, how long. */
public final class IngestionMetrics {

  public static final StructType SCHEMA = new StructType()
      .add("query", DataTypes.StringType, false)
      .add("stream", DataTypes.StringType, false)
      .add("batch_id", DataTypes.LongType, false)
      .add("input_rows", DataTypes.LongType, false)
      .add("written_rows", DataTypes.LongType, false)
      .add("quarantined_rows", DataTypes.LongType, false)
      .add("duplicates_dropped", DataTypes.LongType, false)
      .add("duration_ms", DataTypes.LongType, false)
      .add("finished_at", DataTypes.TimestampType, false)
      // Latest event time among the batch's valid records: what the watermark advances by.
      .add("max_event_time", DataTypes.TimestampType, true);

  private static final Logger LOG = LoggerFactory.getLogger(IngestionMetrics.class);

  /** What one batch did. */
  public record Batch(String query, String stream, long batchId, long inputRows, long writtenRows,
      long quarantinedRows, long durationMs, Optional<Instant> maxEventTime) {

    public long duplicatesDropped() {
      return inputRows - quarantinedRows - writtenRows;
    }
  }

  private final String path;
  private final TableCreation creation;

  public IngestionMetrics(String path) {
    this.path = path;
    this.creation = new TableCreation(path, SCHEMA);
  }

  public void createIfMissing(SparkSession spark) {
    creation.ensure(spark);
  }

  public void record(SparkSession spark, Batch batch) {
    LOG.info("{} batch {}: input {}, written {}, quarantined {}, duplicates {}, {} ms", batch.query(),
        batch.batchId(), batch.inputRows(), batch.writtenRows(), batch.quarantinedRows(),
        batch.duplicatesDropped(), batch.durationMs());
    createIfMissing(spark);
    spark.createDataFrame(List.of(RowFactory.create(batch.query(), batch.stream(), batch.batchId(),
                batch.inputRows(), batch.writtenRows(), batch.quarantinedRows(), batch.duplicatesDropped(),
                batch.durationMs(), Timestamp.from(Instant.now()),
                batch.maxEventTime().map(Timestamp::from).orElse(null))), SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        // Tables written before max_event_time existed gain the column.
        .option("mergeSchema", "true")
        .option("txnAppId", batch.query() + "/metrics")
        .option("txnVersion", batch.batchId())
        .save(path);
  }

  /** The latest event time that batches before {@code batchId} of a query ingested. */
  public Optional<Instant> latestEventTimeBefore(SparkSession spark, String query, long batchId) {
    createIfMissing(spark);
    Dataset<Row> table = spark.read().format("delta").load(path);
    if (!Arrays.asList(table.columns()).contains("max_event_time")) {
      return Optional.empty();
    }
    Row latest = table.where(col("query").equalTo(query).and(col("batch_id").lt(batchId)))
        .agg(max("max_event_time"))
        .first();
    return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getTimestamp(0).toInstant());
  }
}
