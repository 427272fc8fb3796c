package io.daystream.app.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.ingestion.job.IngestionJob;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.scoring.job.ScoreJob;
import io.daystream.scoring.job.ScoreJobs;
import io.daystream.training.daily.RetrainBackfill;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process: ingestion of every stream, the score job (from the first
 * champion on), and the daily job, which runs for each day D as soon as event time has passed
 * D's end (see {@link DailySchedule}, {@link DailyCycle}). {@link #requestStop()} lets the running
 * micro-batches finish, then stops; a daily job cut short changes no champion and is redone at
 * the next start (finished days are reused).
 */
public final class SystemRun {

  private static final Logger LOG = LoggerFactory.getLogger(SystemRun.class);
  /** The micro-batch interval of the ingestion queries, as {@code daystream ingest}'s default. */
  private static final Duration INGEST_TRIGGER = Duration.ofSeconds(5);
  /** The Spark job group of the daily job's jobs, so that a stop can cancel them. */
  private static final String DAILY_JOBS = "daystream-daily";

  private final DaystreamRuntime runtime;
  private final Consumer<RetrainDay> onDay;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile SparkSession spark;

  /** The first and the latest day with engagement events. */
  private record EventSpan(LocalDate first, LocalDate latest) {}

  /** A day the daily job finished: its retraining's status and reason. */
  public record RetrainDay(LocalDate day, String status, Optional<String> reason) {}

  /** @param onDay told of each day the daily job finished (a log line by default) */
  public SystemRun(DaystreamRuntime runtime, Consumer<RetrainDay> onDay) {
    this.runtime = runtime;
    this.onDay = onDay;
  }

  /** Runs until {@link #requestStop()}; rethrows the failure of any of its queries or daily jobs. */
  public void run() {
    DaystreamConfig config = runtime.config();
    spark = runtime.spark();
    String servers = runtime.kafka().bootstrapServers();
    List<IngestedStream> streams = Arrays.asList(IngestedStream.values());
    runtime.kafka().ensureTopics(List.of(config.kafka().topics().tweets(), config.kafka().topics().engagements(),
        config.kafka().topics().news(), config.kafka().topics().prices(), config.kafka().topics().requests(),
        config.kafka().topics().recommendations()));
    Lake lake = new Lake(config.lake());
    DailyCycle daily = new DailyCycle(spark, config);
    ScoreJob scoring = null;
    try (IngestionJob ingestion = new IngestionJob(spark, config, servers, streams, Optional.of(INGEST_TRIGGER))) {
      ingestion.start();
      LocalDate next = null;
      while (!stopWasRequested()) {
        ingestion.rethrowFailure();
        Optional<EventSpan> span = eventDays(spark, lake);
        if (span.isPresent()) {
          DailySchedule schedule = new DailySchedule(span.get().first());
          for (LocalDate day : schedule.completeDays(next == null ? span.get().first() : next, span.get().latest())) {
            if (stopWasRequested()) {
              break;
            }
            RetrainBackfill.DayResult result;
            spark.sparkContext().setJobGroup(DAILY_JOBS, "daily job of " + day, true);
            try {
              result = daily.runFor(day, schedule, span.get().first());
            } catch (RuntimeException e) {
              if (stopWasRequested()) {
                LOG.info("daily job of {} cut short by the stop; it is redone at the next start", day);
                break;
              }
              throw e;
            } finally {
              spark.sparkContext().clearJobGroup();
            }
            onDay.accept(new RetrainDay(day, result.status().name().toLowerCase(Locale.ROOT), result.reason()));
            next = day.plusDays(1);
          }
        }
        if (scoring == null && !stopWasRequested()) {
          scoring = startScoring(spark, config, servers);
        } else if (scoring != null) {
          scoring.rethrowFailure();
        }
        awaitStop(config.run().pollInterval());
      }
      Duration patience = config.run().stopPatience();
      if (scoring != null) {
        scoring.stopAfterRunningBatch(patience);
      }
      ingestion.stopAfterRunningBatches(patience);
    } finally {
      if (scoring != null) {
        scoring.close();
      }
      stopped.countDown();
    }
  }

  /**
   * Asks {@link #run()} to stop after the running batches, and cancels the daily job's running
   * Spark jobs (a feature day is replaced atomically and a retraining moves no champion until it
   * has judged every head, so a cut leaves nothing half done); returns at once.
   */
  public void requestStop() {
    stopRequested.countDown();
    SparkSession session = spark;
    if (session != null && !session.sparkContext().isStopped()) {
      session.sparkContext().cancelJobGroup(DAILY_JOBS);
    }
  }

  /** Waits until {@link #run()} has returned, at most {@code patience}. */
  public boolean awaitStopped(Duration patience) throws InterruptedException {
    return stopped.await(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  private boolean stopWasRequested() {
    return stopRequested.getCount() == 0;
  }

  private void awaitStop(Duration interval) {
    try {
      stopRequested.await(interval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      requestStop();
    }
  }

  /** The score job, once there is history and a champion to serve; empty until then. */
  private static ScoreJob startScoring(SparkSession spark, DaystreamConfig config, String servers) {
    try {
      ScoreJob job = ScoreJobs.create(spark, config, servers, Optional.of(config.scoring().trigger()));
      job.start();
      LOG.info("score job started");
      return job;
    } catch (IllegalStateException e) {
      LOG.info("score job not started yet: {}", e.getMessage());
      return null;
    }
  }

  /** The first and latest event days of the bronze engagements, when there are any. */
  private static Optional<EventSpan> eventDays(SparkSession spark, Lake lake) {
    String path = lake.path(LakeTable.ENGAGEMENTS);
    if (!DeltaTables.exists(spark, path)) {
      return Optional.empty();
    }
    Row span = spark.read().format("delta").load(path)
        .agg(min(col(EngagementColumns.EVENT_DATE)), max(col(EngagementColumns.EVENT_DATE))).first();
    if (span.isNullAt(0)) {
      return Optional.empty();
    }
    return Optional.of(new EventSpan(span.getDate(0).toLocalDate(), span.getDate(1).toLocalDate()));
  }
}
