package io.daystream.training.daily;

import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.features.day.DayRange;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily retraining for every day of a range, oldest first, as a backfill that resumes:
 * a day already finished under the same settings (windows, heads, model family and its
 * parameters) is reused, not retrained, unless forced; a day that crashed part-way has no record
 * and runs again. A day without examples is recorded as skipped and the backfill goes on; any
 * other failure stops it, with the days before it kept.
 */
public final class RetrainBackfill {

  /** What happened to one day. */
  public enum DayStatus {
    TRAINED, REUSED, SKIPPED
  }

  /** One day of a backfill: its outcome when it was trained now. */
  public record DayResult(LocalDate day, DayStatus status, Optional<RetrainOutcome> outcome, Optional<String> reason) {}

  /** Told after every day; a terminal shows it as a progress bar. */
  public interface Progress {
    void dayDone(DayResult result, int daysDone, int daysTotal, Duration elapsed);

    Progress NONE = (result, done, total, elapsed) -> { };
  }

  private static final Logger LOG = LoggerFactory.getLogger(RetrainBackfill.class);

  private final DailyRetrain retrain;
  private final RetrainRunLog runs;
  private final HeadTrainer trainer;

  public RetrainBackfill(DailyRetrain retrain, RetrainRunLog runs, HeadTrainer trainer) {
    this.retrain = retrain;
    this.runs = runs;
    this.trainer = trainer;
  }

  /**
   * @param force retrain days already finished under the same settings (adds new versions)
   */
  public List<DayResult> run(DayRange days, List<Integer> windows, List<String> heads, boolean force,
      Progress progress) {
    String settings = settingsKey(windows, heads);
    List<LocalDate> range = days.days();
    List<DayResult> results = new ArrayList<>();
    long started = System.nanoTime();
    for (LocalDate day : range) {
      DayResult result = runDay(day, windows, heads, settings, force);
      results.add(result);
      progress.dayDone(result, results.size(), range.size(), Duration.ofNanos(System.nanoTime() - started));
    }
    return results;
  }

  private DayResult runDay(LocalDate day, List<Integer> windows, List<String> heads, String settings, boolean force) {
    String task = retrain.taskName();
    if (!force) {
      Optional<RetrainRunLog.Entry> finished = runs.finished(task, day, settings);
      if (finished.isPresent()) {
        LOG.info("{} {}: already finished by run {} with the same settings; reused", task, day,
            finished.get().runId());
        return new DayResult(day, DayStatus.REUSED, Optional.empty(), finished.get().reason());
      }
    }
    String runId = UUID.randomUUID().toString();
    try {
      RetrainOutcome outcome = retrain.run(day, windows, heads, runId);
      runs.record(new RetrainRunLog.Entry(task, day, settings, RetrainRunLog.Status.DONE, Optional.empty(), runId));
      return new DayResult(day, DayStatus.TRAINED, Optional.of(outcome), Optional.empty());
    } catch (NothingToJudgeException e) {
      LOG.warn("{} {}: skipped ({})", task, day, e.getMessage());
      runs.record(new RetrainRunLog.Entry(task, day, settings, RetrainRunLog.Status.SKIPPED,
          Optional.of(e.getMessage()), runId));
      return new DayResult(day, DayStatus.SKIPPED, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  /** The settings that make two runs of a day the same run. */
  String settingsKey(List<Integer> windows, List<String> heads) {
    return "windows=" + new TreeSet<>(windows) + ";heads=" + new TreeSet<>(heads) + ";model=" + trainer.family()
        + ";parameters=" + new java.util.TreeMap<>(trainer.parameters());
  }
}
