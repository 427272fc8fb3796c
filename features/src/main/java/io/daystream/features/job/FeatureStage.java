package io.daystream.features.job;

/**
 * One feature set within a task, and how many days before the asked range it must also be
 * materialized for: e.g. the per-day aggregates that day D's examples read end on D − 1.
 */
public record FeatureStage(DailyFeatureSet set, int daysBefore) {

  public FeatureStage {
    if (daysBefore < 0) {
      throw new IllegalArgumentException("days before must not be negative: " + daysBefore);
    }
  }
}
