package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;

import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.ingestion.watermark.EventTimeWatermark;
import io.daystream.ingestion.watermark.LateRecords;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The work of one ingestion micro-batch: parse, validate, hold late records to the watermark,
 * quarantine the bad, insert the new good records, record the batch's metrics. Every write is
 * idempotent, so a batch that Spark replays after a crash changes nothing twice.
 *
 * <p>A batch that inserts bronze rows makes one commit (two with a quarantine append): its metrics
 * travel in the bronze commit and reach {@code ingestion_metrics} every few batches through
 * {@link BatchHistory}. A batch that inserts nothing writes its metrics row itself.
 */
public final class BronzeBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

  /** Set by Spark on the thread that runs a streaming query's batches. */
  private static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

  private final String queryName;
  private final IngestedStream stream;
  private final BronzeTable table;
  private final Quarantine quarantine;
  private final IngestionMetrics metrics;
  private final EventTimeWatermark watermark;
  private final int maxTextLength;
  private final BatchHistory history;
  private final int metricsEveryBatches;

  /**
   * @param metricsEveryBatches how often (in batches) the metrics carried by bronze commits are
   *     copied into the metrics table
   */
  public BronzeBatchWriter(String queryName, IngestedStream stream, BronzeTable table, Quarantine quarantine,
      IngestionMetrics metrics, EventTimeWatermark watermark, int maxTextLength, int metricsEveryBatches) {
    if (metricsEveryBatches < 1) {
      throw new IllegalArgumentException("metrics must be copied every 1 or more batches, not " + metricsEveryBatches);
    }
    this.queryName = queryName;
    this.stream = stream;
    this.table = table;
    this.quarantine = quarantine;
    this.metrics = metrics;
    this.watermark = watermark;
    this.maxTextLength = maxTextLength;
    this.history = new BatchHistory(queryName, table.path(), metrics);
    this.metricsEveryBatches = metricsEveryBatches;
  }

  /** Copies what bronze commits carried into the metrics table: when the query stops, say. */
  public void copyCarriedMetrics(SparkSession spark) {
    history.copyToMetrics(spark);
  }

  /**
   * The query's id (kept in its checkpoint, so the same across restarts, new if the checkpoint is
   * reset) and the batch id: a label no other batch's commit carries.
   */
  private String commitLabel(Dataset<Row> kafkaRows, long batchId) {
    String queryId = kafkaRows.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
    return queryName + "/" + (queryId == null ? "" : queryId + "/") + batchId;
  }

  @Override
  public void call(Dataset<Row> kafkaRows, Long batchId) {
    long started = System.nanoTime();
    Instant startedAt = Instant.now();
    SparkSession spark = kafkaRows.sparkSession();
    if (!watermark.knowsProgressBefore(batchId)) {
      // The watermark reads the metrics table: the batches whose bronze commits carry their
      // metrics (those of a run a crash cut short included) must be in it first.
      history.copyToMetrics(spark);
    }
    Optional<Timestamp> lateBefore = watermark.lateBefore(spark, batchId);
    // One pass over the messages: parsed, checked, put in bronze form and kept (Spark's context
    // cleaner drops the blocks once the batch is done with them). The counts, the quarantine and
    // the MERGE all read this copy.
    Dataset<Row> checked = table.withBronzeRecords(MessageParser.parse(kafkaRows, stream, maxTextLength))
        .localCheckpoint();
    BatchCounts counts = BatchCounts.of(checked, stream, lateBefore);
    Dataset<Row> valid = checked.filter(col("reason").isNull());
    Dataset<Row> rejected = checked.filter(col("reason").isNotNull());
    Dataset<Row> onTime = valid;
    long quarantined = counts.invalid();
    // Only a batch with late records pays for looking their keys up in the table.
    if (counts.late() > 0) {
      LateRecords late = new LateRecords(stream, table, lateBefore.get(), watermark.allowedLateness());
      Dataset<Row> lateAndNew = late.lateAndNew(valid);
      onTime = late.onTime(valid);
      rejected = rejected.unionByName(lateAndNew);
      quarantined += lateAndNew.count();
    }
    if (quarantined > 0) {
      quarantine.appendKafkaRejects(rejected, stream.streamName(), queryName + "/quarantine", batchId);
    }
    BronzeTable.BatchInsert insert = BronzeTable.BatchInsert.NOTHING;
    Instant batchTime = Instant.now();
    if (counts.onTime() > 0) {
      BatchCommitInfo info = new BatchCommitInfo(commitLabel(kafkaRows, batchId), queryName, stream.streamName(),
          batchId, counts.input(), quarantined, startedAt, batchTime, counts.latestEventTimeByPartition());
      // On-time records are not older than the watermark, and neither are their first copies.
      insert = table.insertNewBatch(onTime.select("record.*"), info,
          lateBefore.map(time -> LocalDate.ofInstant(time.toInstant(), ZoneOffset.UTC)));
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    // The batch time its commit carries, which a restart reads back; else the end of the batch.
    batchTime = insert.committedBatchTime().orElseGet(Instant::now);
    IngestionMetrics.Batch batch = new IngestionMetrics.Batch(queryName, stream.streamName(), batchId,
        counts.input(), insert.inserted(), quarantined, durationMs, counts.latestEventTimeByPartition(), batchTime);
    IngestionMetrics.log(batch);
    if (!insert.committed()) {
      metrics.record(spark, batch);
    } else if ((batchId + 1) % metricsEveryBatches == 0) {
      history.copyToMetrics(spark);
    }
    watermark.advance(batchId, counts.latestEventTimeByPartition(), batchTime);
  }
}
