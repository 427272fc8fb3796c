package io.daystream.app.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.EmbeddedKafkaBroker;
import io.daystream.core.lake.Lake;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to continuous ingestion while a batch is running: the batch finishes and is committed
 * before the process ends, as a service manager stopping the job expects.
 */
class GracefulStopIT {

  private static final long SEED = 23L;
  private static final int MESSAGES = 15_000;
  /** Several engagements batches, so that SIGTERM can land inside one that is not the last. */
  private static final int BATCH = 2_500;
  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(4);

  @TempDir
  Path home;

  @Test
  void sigtermLetsTheRunningBatchFinish() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    Lake lake = new Lake(config.lake());
    ReliabilityFeed feed = new ReliabilityFeed(SEED, MESSAGES, Map.of(IngestedStream.ENGAGEMENTS, 1.0));
    QueryCheckpoint engagements = new QueryCheckpoint(Path.of(lake.checkpoint("ingest-engagements")));

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(home.resolve("kafka")).start()) {
      broker.createTopics(feed.topicPartitions(config.kafka()));
      feed.produce(broker.bootstrapServers(), config.kafka().topics(), 0, MESSAGES);
      IngestProcess ingest = IngestProcess.start(home, List.of(
          "--topics", "engagements",
          "--trigger", "1s",
          "--set", "kafka.bootstrap-servers=" + broker.bootstrapServers(),
          "--set", "kafka.max-offsets-per-trigger=" + BATCH,
          "--set", "spark.master=local[2]"), home.resolve("ingest.log"));
      try {
        // A batch after the first (whose planning includes the query's start), planned, not committed.
        ingest.awaitWhileAlive(() -> engagements.lastPlanned().orElse(-1) >= 1
                && !engagements.isCommitted(engagements.lastPlanned().getAsLong()),
            "a batch running", PROGRESS_TIMEOUT);
        long running = engagements.lastPlanned().getAsLong();
        int exit = ingest.terminate();
        System.out.printf("graceful stop IT: SIGTERM during batch %d, exit %d, committed %s%n", running, exit,
            engagements.committed());
        assertTrue(engagements.isCommitted(running),
            () -> "batch " + running + ", running at SIGTERM, was committed before the process ended:\n"
                + ingest.logTail());
        // Promptly: the stop may catch the next batch, never the rest of the backlog.
        assertTrue(engagements.committed().last() <= running + 1,
            () -> "stopped right after batch " + running + ", not after " + engagements.committed());
        assertTrue(engagements.committed().last() < feed.sent(ReliabilityFeed.Kind.ORIGINAL) / BATCH,
            "the backlog was not all read: the test saw a stop, not the end of the data");
      } finally {
        if (ingest.isAlive()) {
          ingest.kill();
        }
      }
    }
  }
}
