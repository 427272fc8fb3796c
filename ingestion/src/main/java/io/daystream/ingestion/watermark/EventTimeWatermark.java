package io.daystream.ingestion.watermark;

import io.daystream.ingestion.stream.IngestionMetrics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * A query's event-time watermark: the latest event time its earlier micro-batches ingested, minus
 * the allowed lateness. Batch N's watermark depends only on batches before N, as recorded in the
 * metrics table, so a batch that Spark replays after a crash sees the watermark it saw the first
 * time and decides the same way.
 */
public final class EventTimeWatermark {

  private static final long NOTHING_KNOWN = Long.MIN_VALUE;

  private final String queryName;
  private final Duration allowedLateness;
  private final IngestionMetrics metrics;
  private long knownThroughBatch = NOTHING_KNOWN;
  private Optional<Instant> latestEventTime = Optional.empty();

  public EventTimeWatermark(String queryName, Duration allowedLateness, IngestionMetrics metrics) {
    if (allowedLateness.isNegative() || allowedLateness.isZero()) {
      throw new IllegalArgumentException("allowed lateness must be positive: " + allowedLateness);
    }
    this.queryName = queryName;
    this.allowedLateness = allowedLateness;
    this.metrics = metrics;
  }

  /** The time before which a new record of batch {@code batchId} is late; empty until data was seen. */
  public Optional<Timestamp> lateBefore(SparkSession spark, long batchId) {
    if (knownThroughBatch != batchId - 1) {
      // First batch of this process, or a retried batch: ask the table, not the memory.
      latestEventTime = metrics.latestEventTimeBefore(spark, queryName, batchId);
      knownThroughBatch = batchId - 1;
    }
    return latestEventTime.map(latest -> Timestamp.from(latest.minus(allowedLateness)));
  }

  /** Takes in what batch {@code batchId} ingested, once its metrics are recorded. */
  public void advance(long batchId, Optional<Instant> batchLatestEventTime) {
    batchLatestEventTime.ifPresent(t -> {
      if (latestEventTime.isEmpty() || t.isAfter(latestEventTime.get())) {
        latestEventTime = Optional.of(t);
      }
    });
    knownThroughBatch = batchId;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }
}
