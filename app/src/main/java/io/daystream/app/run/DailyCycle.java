package io.daystream.app.run;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.report.ReportFiles;
import io.daystream.evaluation.report.RetrainReport;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureTasks;
import io.daystream.scoring.live.LiveMetrics;
import io.daystream.training.daily.RetrainBackfill;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.tasks.RetrainJobs;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily job of {@code daystream run} for one complete day D of the engagement task, the same
 * jobs as the commands: {@code features --from <first day> --to D} (days done are skipped),
 * {@code retrain --date D} over the configured windows the data covers (a day finished with the
 * same settings is reused), its report, and {@code live-metrics --date D}.
 */
public final class DailyCycle {

  private static final Logger LOG = LoggerFactory.getLogger(DailyCycle.class);

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final Lake lake;

  public DailyCycle(SparkSession spark, DaystreamConfig config) {
    this.spark = spark;
    this.config = config;
    this.lake = new Lake(config.lake());
  }

  /** @return what the retraining of the day did */
  public RetrainBackfill.DayResult runFor(LocalDate day, DailySchedule schedule, LocalDate firstDay) {
    FeatureTasks.of(EngagementTask.NAME, spark, lake, config).run(new DailyFeatureJob(spark, lake),
        new DayRange(firstDay, day));
    List<Integer> windows = schedule.coveredWindows(config.training().windows(), day);
    List<String> heads = RetrainJobs.defaultHeads(EngagementTask.NAME, config);
    if (windows.isEmpty()) {
      String reason = "none of the windows " + config.training().windows() + " fits in the "
          + ChronoUnit.DAYS.between(firstDay, day) + " day(s) of data before " + day;
      LOG.info("daily job of {}: features done, no retraining: {}", day, reason);
      return new RetrainBackfill.DayResult(day, RetrainBackfill.DayStatus.SKIPPED, Optional.empty(),
          Optional.of(reason));
    }
    RetrainBackfill.DayResult result = RetrainJobs.backfill(EngagementTask.NAME, config.training().model(), spark,
        config).run(DayRange.of(day), windows, heads, false, RetrainBackfill.Progress.NONE).get(0);
    result.outcome().ifPresent(outcome -> ReportFiles.write(spark.sparkContext().hadoopConfiguration(),
        lake.reportsRoot(), RetrainReport.fileName(outcome), RetrainReport.html(outcome)));
    new LiveMetrics(spark, lake.path(LakeTable.SCORES), lake.path(LakeTable.ENGAGEMENTS),
        lake.path(LakeTable.LIVE_METRICS), heads).compute(day);
    LOG.info("daily job of {}: retraining {} over windows {}{}", day, result.status(), windows,
        result.reason().map(r -> " (" + r + ")").orElse(""));
    return result;
  }
}
