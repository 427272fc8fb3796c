package io.daystream.core.config;

import java.time.Duration;

/**
 * Limits applied by ingestion's validation, its event-time watermark, and the lake's upkeep.
 *
 * @param lateDataWatermark per stream, how far behind its watermark (the slowest partition's
 *     latest event time) a new record may be and still be accepted
 * @param idlePartitionTimeout a partition that delivered nothing for this long, while others
 *     did, stops holding the watermark back
 * @param metricsEveryBatches how often, in batches, the metrics that batches carried in their
 *     bronze commits are copied into {@code ingestion_metrics} (and when a query stops)
 */
public record IngestionSettings(int maxTextLength, LateDataWatermarks lateDataWatermark,
    Duration idlePartitionTimeout, int vacuumRetentionHours, int metricsEveryBatches) {

  /** The lateness bound of each stream: event times move differently in each. */
  public record LateDataWatermarks(Duration tweets, Duration engagements, Duration news, Duration prices) {

    /** @param stream a stream name: tweets, engagements, news or prices */
    public Duration forStream(String stream) {
      return switch (stream) {
        case "tweets" -> tweets;
        case "engagements" -> engagements;
        case "news" -> news;
        case "prices" -> prices;
        default -> throw new IllegalArgumentException("no late-data watermark for stream '" + stream + "'");
      };
    }
  }

  static IngestionSettings from(ConfigReader c) {
    return new IngestionSettings(
        c.intAtLeast("max-text-length", 1),
        new LateDataWatermarks(
            c.positiveDuration("late-data-watermark.tweets"),
            c.positiveDuration("late-data-watermark.engagements"),
            c.positiveDuration("late-data-watermark.news"),
            c.positiveDuration("late-data-watermark.prices")),
        c.positiveDuration("idle-partition-timeout"),
        c.intAtLeast("vacuum-retention-hours", 168),
        c.intAtLeast("metrics-every-batches", 1));
  }
}
