package io.daystream.core.config;

import java.time.Duration;

/**
 * Limits applied by ingestion's validation, and the lake's upkeep.
 *
 * @param lateDataWatermark how far behind the latest event time a stream has seen a new record may
 *     be and still be accepted
 */
public record IngestionSettings(int maxTextLength, Duration lateDataWatermark, int vacuumRetentionHours) {

  static IngestionSettings from(ConfigReader c) {
    return new IngestionSettings(
        c.intAtLeast("max-text-length", 1),
        c.positiveDuration("late-data-watermark"),
        c.intAtLeast("vacuum-retention-hours", 168));
  }
}
