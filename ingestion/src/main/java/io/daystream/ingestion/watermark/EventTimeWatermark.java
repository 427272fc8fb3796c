package io.daystream.ingestion.watermark;

import io.daystream.ingestion.stream.IngestionMetrics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A query's event-time watermark: the slowest active partition's latest event time that its
 * earlier micro-batches ingested (see {@link PartitionProgress}), minus the stream's allowed
 * lateness. Batch N's watermark depends only on batches before N, as recorded in the metrics
 * table, so a batch that Spark replays after a crash sees the watermark it saw the first time
 * and decides the same way.
 */
public final class EventTimeWatermark {

  private static final long NOTHING_KNOWN = Long.MIN_VALUE;

  private final String queryName;
  private final Duration allowedLateness;
  private final Duration idlePartitionTimeout;
  private final IngestionMetrics metrics;
  private long knownThroughBatch = NOTHING_KNOWN;
  private PartitionProgress progress = PartitionProgress.NONE;

  public EventTimeWatermark(String queryName, Duration allowedLateness, Duration idlePartitionTimeout,
      IngestionMetrics metrics) {
    if (allowedLateness.isNegative() || allowedLateness.isZero()) {
      throw new IllegalArgumentException("allowed lateness must be positive: " + allowedLateness);
    }
    if (idlePartitionTimeout.isNegative() || idlePartitionTimeout.isZero()) {
      throw new IllegalArgumentException("idle partition timeout must be positive: " + idlePartitionTimeout);
    }
    this.queryName = queryName;
    this.allowedLateness = allowedLateness;
    this.idlePartitionTimeout = idlePartitionTimeout;
    this.metrics = metrics;
  }

  /**
   * Whether the watermark of batch {@code batchId} is known from memory; if not, {@link #lateBefore}
   * reads the metrics table, which must then hold every batch before it.
   */
  public boolean knowsProgressBefore(long batchId) {
    return knownThroughBatch == batchId - 1;
  }

  /** The time before which a new record of batch {@code batchId} is late; empty until data was seen. */
  public Optional<Timestamp> lateBefore(SparkSession spark, long batchId) {
    if (!knowsProgressBefore(batchId)) {
      // First batch of this process, or a retried batch: ask the table, not the memory.
      progress = metrics.partitionProgressBefore(spark, queryName, batchId);
      knownThroughBatch = batchId - 1;
    }
    return progress.slowestLatest(idlePartitionTimeout).map(latest -> Timestamp.from(latest.minus(allowedLateness)));
  }

  /**
   * Takes in what batch {@code batchId} ingested, once its metrics are recorded (or carried by its
   * bronze commit).
   *
   * @param finishedAt the batch time its metrics row records
   */
  public void advance(long batchId, Map<Integer, Instant> latestEventTimeByPartition, Instant finishedAt) {
    progress = progress.after(latestEventTimeByPartition, finishedAt);
    knownThroughBatch = batchId;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }
}
