package io.daystream.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.reliability.ReliabilityFeed.Kind;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.EmbeddedKafkaBroker;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.ingestion.stream.IngestedStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion killed with SIGKILL in the middle of micro-batches, restarted each time, then run to
 * the end: every bronze table holds exactly the distinct good records sent, every damaged message
 * is quarantined once, and every committed batch has one metrics row.
 *
 * <p>Kill moments: each run waits until the engagements query plans a new batch ({@code offsets/N}
 * appears), then for one landmark inside that batch, then a seeded random delay, and kills. The
 * landmarks are the three stretches of a batch (see {@code BronzeBatchWriter}): before any write,
 * after the quarantine append and before the bronze MERGE, after the MERGE (which carries the
 * batch's metrics) and before the batch's end (the rerun inserts nothing and must still record
 * what the first run wrote). A kill counts
 * only if {@code commits/N} is still absent once the process is dead; the tweets query is cut
 * wherever it happens to be. News and prices run the same batch writer and are left out to keep
 * the run within its time budget on two cores.
 */
class IngestionCrashRecoveryIT {

  private static final long SEED = 4L;
  /**
   * Small enough that a batch takes seconds, not minutes, on two cores: the kills aim at landmarks
   * inside a batch, not at its size (200,000 messages took five times as long to show the same).
   */
  private static final int MESSAGES = 40_000;
  /** Engagements, 70 % of the feed, take 4 batches: enough for 3 kills and one batch left over. */
  private static final int BATCH = 8_000;
  private static final int ATTEMPTS_PER_MOMENT = 2;
  private static final Duration LANDMARK_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration LAST_RUN_TIMEOUT = Duration.ofMinutes(8);
  private static final IngestedStream WATCHED = IngestedStream.ENGAGEMENTS;

  /** Where in a batch of the watched query a kill lands. */
  private enum KillMoment {
    BEFORE_ANY_WRITE(3_000),
    AFTER_QUARANTINE_APPEND(1_000),
    AFTER_BRONZE_MERGE(200);

    /** Upper bound of the random delay after the landmark: short enough to stay inside the stretch. */
    final long maxDelayMs;

    KillMoment(long maxDelayMs) {
      this.maxDelayMs = maxDelayMs;
    }
  }

  @TempDir
  Path home;

  @Test
  void ingestionKilledMidBatchAndRestartedLeavesExactTables() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    Lake lake = new Lake(config.lake());
    assertTrue(ReliabilityFeed.staysWithin(config.ingestion().lateDataWatermark().tweets())
        && ReliabilityFeed.staysWithin(config.ingestion().lateDataWatermark().engagements()), "no good record can be late");
    ReliabilityFeed feed = new ReliabilityFeed(SEED, MESSAGES,
        Map.of(IngestedStream.ENGAGEMENTS, 0.7, IngestedStream.TWEETS, 0.3));

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(home.resolve("kafka")).start()) {
      broker.createTopics(feed.topicPartitions(config.kafka()));
      long producing = System.nanoTime();
      feed.produce(broker.bootstrapServers(), config.kafka().topics(), 0, MESSAGES);
      System.out.printf("crash IT: produced %,d messages in %d ms: %,d originals, %,d re-deliveries, %,d damaged%n",
          MESSAGES, millisSince(producing), feed.sent(Kind.ORIGINAL), feed.sent(Kind.REDELIVERY),
          feed.sent(Kind.DAMAGED));

      List<String> args = List.of("--topics", "engagements,tweets", "--until-idle",
          "--set", "kafka.bootstrap-servers=" + broker.bootstrapServers(),
          "--set", "kafka.max-offsets-per-trigger=" + BATCH,
          "--set", "spark.master=local[2]");
      Path log = home.resolve("ingest.log");
      long killing = System.nanoTime();
      SplittableRandom random = new SplittableRandom(SEED);
      for (KillMoment moment : KillMoment.values()) {
        killMidBatch(moment, random, args, log, lake);
      }
      System.out.printf("crash IT: %d kills took %d s%n", KillMoment.values().length, millisSince(killing) / 1000);

      long lastRun = System.nanoTime();
      IngestProcess last = IngestProcess.start(home, args, log);
      assertEquals(0, last.awaitExit(LAST_RUN_TIMEOUT), () -> "the last run ends cleanly:\n" + last.logTail());
      System.out.printf("crash IT: the last run took %d s; batches of every run:%n%s%n", millisSince(lastRun) / 1000,
          batchLines(log));

      for (IngestedStream stream : feed.streams()) {
        assertTrue(checkpoint(lake, stream).hasCommittedUpTo(feed.endOffsets(), stream.topic(config.kafka().topics())),
            stream + ": the last run read its topic to the end");
      }
      long checking = System.nanoTime();
      assertLakeIsExact(config, lake, feed);
      System.out.printf("crash IT: checking the lake took %d s%n", millisSince(checking) / 1000);
    }
  }

  /**
   * Starts ingestion and kills it at {@code moment} of the next batch it plans for the watched
   * query; tries again on the next batch if the kill came after the batch's commit.
   */
  private void killMidBatch(KillMoment moment, SplittableRandom random, List<String> args, Path log, Lake lake) {
    QueryCheckpoint watched = checkpoint(lake, WATCHED);
    for (int attempt = 1; attempt <= ATTEMPTS_PER_MOMENT; attempt++) {
      long plannedBefore = watched.lastPlanned().orElse(-1);
      DeltaLogFolder bronze = new DeltaLogFolder(lake.path(WATCHED.table()));
      DeltaLogFolder quarantine = new DeltaLogFolder(lake.path(LakeTable.QUARANTINE));
      DeltaLogFolder metrics = new DeltaLogFolder(lake.path(LakeTable.INGESTION_METRICS));
      IngestProcess process = IngestProcess.start(home, args, log);

      process.awaitWhileAlive(() -> watched.lastPlanned().orElse(-1) > plannedBefore, "a new batch planned",
          LANDMARK_TIMEOUT);
      long batch = watched.lastPlanned().getAsLong();
      // Spark plans batch N+1 only after committing N: the batch the last kill cut short was redone.
      if (plannedBefore >= 0) {
        assertTrue(watched.isCommitted(plannedBefore), "batch " + plannedBefore + " redone after the restart");
      }
      // Counted once the batch is planned: the redone batch's MERGE came before.
      long bronzeCommitsAtPlan = bronze.commits();
      BooleanSupplier landmark = switch (moment) {
        case BEFORE_ANY_WRITE -> () -> true;
        case AFTER_QUARANTINE_APPEND -> () -> quarantine.hasTransaction(queryName(WATCHED) + "/quarantine", batch);
        case AFTER_BRONZE_MERGE -> () -> bronze.commits() > bronzeCommitsAtPlan;
      };
      process.awaitWhileAlive(() -> landmark.getAsBoolean() || watched.isCommitted(batch),
          moment + " of batch " + batch, LANDMARK_TIMEOUT);
      long delayMs = random.nextLong(moment.maxDelayMs);
      sleep(delayMs);
      int exit = process.kill();
      boolean midBatch = !watched.isCommitted(batch);
      if (midBatch) {
        assertEquals(IngestProcess.KILLED, exit, "ended by SIGKILL, not by itself");
      }
      String query = queryName(WATCHED);
      System.out.printf("crash IT: kill %s, attempt %d: pid %d exit %d, %d ms after the landmark in %s batch %d: %s"
              + " (had landed: quarantine append %s, bronze commits %d, metrics row of its own %s)%n",
          moment, attempt, process.pid(), exit, delayMs, WATCHED.streamName(), batch,
          midBatch ? "mid-batch" : "after the batch's commit, does not count",
          quarantine.hasTransaction(query + "/quarantine", batch), bronze.commits() - bronzeCommitsAtPlan,
          metrics.hasTransaction(query + "/metrics", batch));
      if (midBatch) {
        return;
      }
    }
    throw new AssertionError("no kill " + moment + " landed mid-batch in " + ATTEMPTS_PER_MOMENT
        + " attempts: each batch was committed before its landmark was seen, or soon after");
  }

  private void assertLakeIsExact(DaystreamConfig config, Lake lake, ReliabilityFeed feed) {
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    try {
      new LakeContents(spark, lake, home.resolve("expected")).assertHoldsExactly(feed, "crash IT");
    } finally {
      spark.stop();
    }
  }

  private static QueryCheckpoint checkpoint(Lake lake, IngestedStream stream) {
    return new QueryCheckpoint(Path.of(lake.checkpoint(queryName(stream))));
  }

  private static String queryName(IngestedStream stream) {
    return "ingest-" + stream.streamName();
  }

  /** The metrics lines every run logged: what each batch did and how long it took. */
  private static String batchLines(Path log) {
    try {
      return String.join("\n", Files.readAllLines(log).stream().filter(l -> l.contains("IngestionMetrics:")).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long millisSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
