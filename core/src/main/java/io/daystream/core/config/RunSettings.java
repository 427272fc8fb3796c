package io.daystream.core.config;

import java.time.Duration;

/**
 * {@code daystream run}, the whole system in one process: how often it checks whether event time
 * has passed a day boundary, and how long a stop waits for running batches.
 *
 * @param pollInterval how often the daily job looks for a newly completed day
 * @param stopPatience how long SIGTERM waits for the running micro-batches before stopping anyway
 */
public record RunSettings(Duration pollInterval, Duration stopPatience) {

  static RunSettings from(ConfigReader c) {
    return new RunSettings(c.positiveDuration("poll-interval"), c.positiveDuration("stop-patience"));
  }
}
