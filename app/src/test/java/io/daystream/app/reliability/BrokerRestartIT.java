package io.daystream.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.reliability.ReliabilityFeed.Kind;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.EmbeddedKafkaBroker;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous ingestion ({@code --trigger 1s}) while its Kafka broker stops and comes back on the
 * same address and log directory, as a broker restarted for maintenance does: half the feed is
 * sent before the stop, half after the restart, and once ingestion has caught up the lake holds
 * every good record once and every damaged message in the quarantine once.
 */
class BrokerRestartIT {

  private static final long SEED = 11L;
  private static final int MESSAGES = 20_000;
  private static final int FIRST_PART = MESSAGES / 2;
  /** The first part takes two engagements batches: the broker stops after the first. */
  private static final int BATCH = 5_000;
  private static final Duration DOWNTIME = Duration.ofSeconds(5);
  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(4);

  @TempDir
  Path home;

  @Test
  void continuousIngestionOutlivesABrokerRestartWithNothingLostOrTwice() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    Lake lake = new Lake(config.lake());
    assertTrue(ReliabilityFeed.staysWithin(config.ingestion().lateDataWatermark().tweets())
        && ReliabilityFeed.staysWithin(config.ingestion().lateDataWatermark().engagements()), "no good record can be late");
    ReliabilityFeed feed = new ReliabilityFeed(SEED, MESSAGES,
        Map.of(IngestedStream.ENGAGEMENTS, 0.7, IngestedStream.TWEETS, 0.3));
    QueryCheckpoint engagements = new QueryCheckpoint(Path.of(lake.checkpoint("ingest-engagements")));
    Path logDir = home.resolve("kafka");

    EmbeddedKafkaBroker first = EmbeddedKafkaBroker.create(logDir).start();
    String bootstrap = first.bootstrapServers();
    EmbeddedKafkaBroker.Settings sameAddress = first.boundSettings();
    IngestProcess ingest = null;
    try {
      first.createTopics(feed.topicPartitions(config.kafka()));
      ingest = IngestProcess.start(home, List.of(
          "--topics", "engagements,tweets",
          "--trigger", "1s",
          "--set", "kafka.bootstrap-servers=" + bootstrap,
          "--set", "kafka.max-offsets-per-trigger=" + BATCH,
          "--set", "spark.master=local[2]"), home.resolve("ingest.log"));
      long started = System.nanoTime();

      feed.produce(bootstrap, config.kafka().topics(), 0, FIRST_PART);
      IngestProcess running = ingest;
      running.awaitWhileAlive(() -> !engagements.committed().isEmpty(), "a first engagements batch committed",
          PROGRESS_TIMEOUT);
      first.close();
      System.out.printf("broker IT: broker stopped %d s after the start, engagements batches committed %s,"
              + " planned %s%n", secondsSince(started), engagements.committed(), engagements.planned());
      sleep(DOWNTIME);

      try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.create(logDir, sameAddress).start()) {
        assertEquals(bootstrap, second.bootstrapServers(), "the broker is back on the same address");
        assertTrue(running.isAlive(), () -> "ingest outlived the broker's absence:\n" + running.logTail());
        feed.produce(bootstrap, config.kafka().topics(), FIRST_PART, MESSAGES);
        System.out.printf("broker IT: broker back %d s after the start; %,d messages in all: %,d re-deliveries,"
                + " %,d damaged%n", secondsSince(started), MESSAGES, feed.sent(Kind.REDELIVERY),
            feed.sent(Kind.DAMAGED));

        running.awaitWhileAlive(() -> feed.streams().stream().allMatch(stream ->
                new QueryCheckpoint(Path.of(lake.checkpoint("ingest-" + stream.streamName())))
                    .hasCommittedUpTo(feed.endOffsets(), stream.topic(config.kafka().topics()))),
            "ingestion caught up with the feed", PROGRESS_TIMEOUT);
        System.out.printf("broker IT: caught up %d s after the start; engagements batches %s%n",
            secondsSince(started), engagements.committed());
        int exit = running.terminate();
        System.out.printf("broker IT: ingest stopped by SIGTERM, exit %d%n", exit);
      }

      SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
      try {
        new LakeContents(spark, lake, home.resolve("expected")).assertHoldsExactly(feed, "broker IT");
      } finally {
        spark.stop();
      }
    } finally {
      if (ingest != null && ingest.isAlive()) {
        ingest.kill();
      }
      first.close();
    }
  }

  private static long secondsSince(long nanoTime) {
    return (System.nanoTime() - nanoTime) / 1_000_000_000;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(Duration duration) {
    sleep(duration.toMillis());
  }
}
