package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.lake.TableCreation;
import io.daystream.ingestion.watermark.PartitionProgress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One row per ingested micro-batch: what came in, what landed, what was rejected, how long. A
 * batch that wrote bronze rows carries its figures in that commit, and {@link BatchHistory} copies
 * them here every few batches; a batch that wrote none records its row itself.
 */
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
      // The batch's time on the watermark's clock: when it ended, or for a batch that wrote bronze
      // rows, just before that commit (the commit info carries it).
      .add("finished_at", DataTypes.TimestampType, false)
      // Latest event time among the batch's valid records: what the watermark advances by.
      .add("max_event_time", DataTypes.TimestampType, true)
      // The same per Kafka partition (partitions with valid records only): the watermark is the
      // slowest partition's.
      .add("partition_event_times", DataTypes.createMapType(DataTypes.IntegerType, DataTypes.TimestampType), true);

  /** Stands for all partitions of batches recorded before partitions were. */
  private static final int UNRECORDED_PARTITION = -1;

  private static final Logger LOG = LoggerFactory.getLogger(IngestionMetrics.class);

  /**
   * What one batch did.
   *
   * @param latestEventTimeByPartition the latest valid event time each Kafka partition delivered
   */
  public record Batch(String query, String stream, long batchId, long inputRows, long writtenRows,
      long quarantinedRows, long durationMs, Map<Integer, Instant> latestEventTimeByPartition, Instant finishedAt) {

    public long duplicatesDropped() {
      return inputRows - quarantinedRows - writtenRows;
    }

    public Optional<Instant> maxEventTime() {
      return latestEventTimeByPartition.values().stream().max(Instant::compareTo);
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

  /** Logs what a batch did: one line per batch, whichever way its row reaches the table. */
  public static void log(Batch batch) {
    LOG.info("{} batch {}: input {}, written {}, quarantined {}, duplicates {}, {} ms", batch.query(),
        batch.batchId(), batch.inputRows(), batch.writtenRows(), batch.quarantinedRows(),
        batch.duplicatesDropped(), batch.durationMs());
  }

  /**
   * Writes the row of a batch that made no bronze commit (it wrote no row), which therefore has
   * no other place to record it. Idempotent per query and batch: a replayed batch adds nothing.
   */
  public void record(SparkSession spark, Batch batch) {
    createIfMissing(spark);
    spark.createDataFrame(List.of(rowOf(batch)), SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        // Tables written before max_event_time or partition_event_times existed gain the column.
        .option("mergeSchema", "true")
        .option("txnAppId", batch.query() + "/metrics")
        .option("txnVersion", batch.batchId())
        .save(path);
  }

  /** Appends the rows of several batches in one commit; the caller leaves out batches already recorded. */
  public void recordAll(SparkSession spark, List<Batch> batches) {
    createIfMissing(spark);
    spark.createDataFrame(batches.stream().map(IngestionMetrics::rowOf).toList(), SCHEMA)
        .write()
        .format("delta")
        .mode("append")
        .option("mergeSchema", "true")
        .save(path);
  }

  /** The batch ids of a query recorded from {@code fromBatch} on. */
  public Set<Long> batchIdsFrom(SparkSession spark, String query, long fromBatch) {
    createIfMissing(spark);
    Set<Long> ids = new HashSet<>();
    spark.read().format("delta").load(path)
        .where(col("query").equalTo(query).and(col("batch_id").geq(fromBatch)))
        .select("batch_id").collectAsList()
        .forEach(row -> ids.add(row.getLong(0)));
    return ids;
  }

  private static Row rowOf(Batch batch) {
    return RowFactory.create(batch.query(), batch.stream(), batch.batchId(),
        batch.inputRows(), batch.writtenRows(), batch.quarantinedRows(), batch.duplicatesDropped(),
        batch.durationMs(), Timestamp.from(batch.finishedAt()),
        batch.maxEventTime().map(Timestamp::from).orElse(null),
        timestamps(batch.latestEventTimeByPartition()));
  }

  /**
   * Each partition's latest event time and last delivery over the batches before {@code batchId}
   * of a query. Rows written before partitions were recorded count as one partition, so a lake
   * from an earlier version keeps its watermark.
   */
  public PartitionProgress partitionProgressBefore(SparkSession spark, String query, long batchId) {
    createIfMissing(spark);
    Dataset<Row> table = spark.read().format("delta").load(path);
    List<String> columns = Arrays.asList(table.columns());
    if (!columns.contains("max_event_time")) {
      return PartitionProgress.NONE;
    }
    Dataset<Row> earlier = table.where(col("query").equalTo(query).and(col("batch_id").lt(batchId)));
    Column byPartition = columns.contains("partition_event_times")
        ? when(col("partition_event_times").isNotNull(), col("partition_event_times"))
            .otherwise(when(col("max_event_time").isNotNull(),
                map(lit(UNRECORDED_PARTITION), col("max_event_time"))))
        : when(col("max_event_time").isNotNull(), map(lit(UNRECORDED_PARTITION), col("max_event_time")));
    List<Row> rows = earlier.select(explode(byPartition).as(new String[] {"partition", "event_time"}), col("finished_at"))
        .groupBy("partition")
        .agg(max("event_time"), max("finished_at"))
        .collectAsList();
    Map<Integer, PartitionProgress.Seen> partitions = new HashMap<>();
    for (Row row : rows) {
      partitions.put(row.getInt(0), new PartitionProgress.Seen(row.getTimestamp(1).toInstant(),
          row.getTimestamp(2).toInstant()));
    }
    return new PartitionProgress(partitions);
  }

  private static Map<Integer, Timestamp> timestamps(Map<Integer, Instant> times) {
    Map<Integer, Timestamp> converted = new HashMap<>();
    times.forEach((partition, time) -> converted.put(partition, Timestamp.from(time)));
    return converted;
  }
}
