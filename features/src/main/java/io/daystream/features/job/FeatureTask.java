package io.daystream.features.job;

import io.daystream.features.day.DayRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature sets a task's gold table needs, in the order they must be materialized (each reads
 * only what the ones before it wrote): e.g. for engagement, tweet text, then per-day aggregates,
 * then the examples.
 */
public record FeatureTask(String name, List<FeatureStage> stages) {

  public FeatureTask {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("task " + name + " has no feature set");
    }
    stages = List.copyOf(stages);
  }

  /** Materializes every stage for the days it needs so that {@code days} of the last one are up to date. */
  public List<FeatureRun> run(DailyFeatureJob job, DayRange days) {
    List<FeatureRun> runs = new ArrayList<>();
    for (FeatureStage stage : stages) {
      DayRange needed = new DayRange(days.first().minusDays(stage.daysBefore()), days.last());
      runs.add(job.run(stage.set(), needed.days()));
    }
    return runs;
  }
}
