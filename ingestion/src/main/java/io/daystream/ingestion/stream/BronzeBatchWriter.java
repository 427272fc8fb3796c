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

/**
 * The work of one ingestion micro-batch: parse, validate, hold late records to the watermark,
 * quarantine the bad, insert the new good records, record the batch's metrics. Every write is
 * idempotent, so a batch that Spark replays after a crash changes nothing twice.
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

  public BronzeBatchWriter(String queryName, IngestedStream stream, BronzeTable table, Quarantine quarantine,
      IngestionMetrics metrics, EventTimeWatermark watermark, int maxTextLength) {
    this.queryName = queryName;
    this.stream = stream;
    this.table = table;
    this.quarantine = quarantine;
    this.metrics = metrics;
    this.watermark = watermark;
    this.maxTextLength = maxTextLength;
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
    Optional<Timestamp> lateBefore = watermark.lateBefore(kafkaRows.sparkSession(), batchId);
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
    long written = 0;
    if (counts.onTime() > 0) {
      // On-time records are not older than the watermark, and neither are their first copies.
      written = table.insertNewBatch(onTime.select("record.*"), commitLabel(kafkaRows, batchId),
          lateBefore.map(time -> LocalDate.ofInstant(time.toInstant(), ZoneOffset.UTC)));
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    Instant finishedAt = Instant.now();
    metrics.record(kafkaRows.sparkSession(), new IngestionMetrics.Batch(queryName, stream.streamName(), batchId,
        counts.input(), written, quarantined, durationMs, counts.latestEventTimeByPartition(), finishedAt));
    watermark.advance(batchId, counts.latestEventTimeByPartition(), finishedAt);
  }
}
