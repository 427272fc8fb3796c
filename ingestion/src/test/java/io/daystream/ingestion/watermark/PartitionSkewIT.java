package io.daystream.ingestion.watermark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.ingestion.quarantine.QuarantineReplay;
import io.daystream.ingestion.quarantine.ReplaySelection;
import io.daystream.ingestion.quarantine.ReplayedStream;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.ingestion.testing.RealParts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two partitions of one topic, unkeyed, days apart in event time: Kafka orders records only
 * within a partition, so nothing good may be late while the slowest partition is within the
 * bound; a record truly behind the slowest partition is quarantined, and the replay command
 * brings it back once; a partition that went quiet stops holding the watermark back.
 */
class PartitionSkewIT {

  private static final int TWEETS_PER_DAY = 20;
  private static final Instant DAY_0 = Instant.parse("2021-03-01T00:00:00Z");
  /**
   * Both partitions deliver in every batch: the source splits the limit by each one's backlog.
   * Two days per partition and batch: the first run still takes 6 batches (each a few Delta
   * commits), half as many as one day per batch, with the same watermarks at the checks.
   */
  private static final int MAX_OFFSETS_PER_TRIGGER = 4 * TWEETS_PER_DAY;
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);

  @TempDir
  static Path home;

  private static RealParts parts;
  private static DaystreamConfig config;
  private static SparkSession spark;
  private static Lake lake;
  private static String topic;

  @BeforeAll
  static void start() {
    parts = RealParts.start(home, "kafka.partitions=2", "kafka.max-offsets-per-trigger=" + MAX_OFFSETS_PER_TRIGGER,
        "ingestion.late-data-watermark.tweets=2d",
        "ingestion.idle-partition-timeout=" + IDLE_TIMEOUT.toSeconds() + "s");
    config = parts.config();
    spark = parts.spark();
    lake = parts.lake();
    topic = config.kafka().topics().tweets();
  }

  @AfterAll
  static void stop() {
    parts.close();
  }

  @Test
  void theSlowestPartitionSetsTheWatermark() throws InterruptedException {
    // Partition 0 runs four days ahead of partition 1, each in order: days 5..15 against 1..11.
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int day = 0; day <= 10; day++) {
        for (int i = 0; i < TWEETS_PER_DAY; i++) {
          send(producer, 0, tweet("ahead-" + day + "-" + i, at(day + 5, i)));
          send(producer, 1, tweet("behind-" + day + "-" + i, at(day + 1, i)));
        }
      }
    }
    runUntilIdle();
    assertEquals(List.of(), quarantineReasons(), "no good record is late while the slowest partition is in bound");
    assertEquals(2 * 11 * TWEETS_PER_DAY, tweets().count());
    assertTrue(batches() > 5, "several batches, so that later ones were judged by earlier ones: " + batches());

    // Partition 1 reached day 11 (09:30), partition 0 day 15: the watermark is day 11 minus 2 days.
    Thread.sleep(IDLE_TIMEOUT.toMillis() + 1_000);
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(producer, 1, tweet("truly-late", at(8, 0)));
    }
    runUntilIdle();
    List<String> reasons = quarantineReasons();
    assertEquals(1, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("late: created_at 2021-03-09T00:00:00Z is before the watermark 2021-03-10T09:30:00Z"),
        reasons.get(0));

    QuarantineReplay replay = new QuarantineReplay(spark, lake, config.ingestion().maxTextLength());
    ReplaySelection late = ReplaySelection.of("late", "tweets", null, null);
    assertEquals(List.of(1L), replay.replay(late).stream().map(ReplayedStream::landed).toList());
    assertEquals(List.of(0L), replay.replay(late).stream().map(ReplayedStream::landed).toList(),
        "a second replay lands nothing");
    assertEquals(1, tweets().where(col("tweet_id").equalTo("truly-late")).count());

    // Partition 0 goes quiet; partition 1 moves on to days 12..20. After the idle timeout,
    // partition 0 (day 15) no longer holds the watermark: a day-14 record on partition 1, fine
    // against partition 0 (day 13 bound) but behind partition 1's own progress, is late.
    Thread.sleep(IDLE_TIMEOUT.toMillis() + 1_000);
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int day = 12; day <= 20; day++) {
        for (int i = 0; i < TWEETS_PER_DAY; i++) {
          send(producer, 1, tweet("onward-" + day + "-" + i, at(day, i)));
        }
      }
      send(producer, 1, tweet("behind-its-own-partition", at(14, 0)));
    }
    runUntilIdle();
    assertEquals(9 * TWEETS_PER_DAY, tweets().where(col("tweet_id").startsWith("onward-")).count());
    List<String> idleReasons = quarantineReasons();
    assertEquals(1, idleReasons.size(), idleReasons.toString());
    assertTrue(idleReasons.get(0).startsWith("late: created_at 2021-03-15T00:00:00Z"), idleReasons.get(0));
  }

  /** Day {@code day} after DAY_0, the {@code i}-th tweet of the day: half-hourly from midnight. */
  private static Instant at(int day, int i) {
    return DAY_0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(30L * i));
  }

  private static String tweet(String id, Instant createdAt) {
    return "{\"tweet_id\":\"" + id + "\",\"author_id\":\"a1\",\"text\":\"tweet " + id + "\",\"created_at\":\""
        + createdAt + "\",\"like_count\":0}";
  }

  private static org.apache.spark.sql.Dataset<Row> tweets() {
    return spark.read().format("delta").load(lake.path(LakeTable.TWEETS));
  }

  private static long batches() {
    return spark.read().format("delta").load(lake.path(LakeTable.INGESTION_METRICS)).count();
  }

  private static List<String> quarantineReasons() {
    return spark.read().format("delta").load(lake.path(LakeTable.QUARANTINE))
        .select("reason").as(Encoders.STRING()).collectAsList();
  }

  private static void runUntilIdle() {
    parts.ingestUntilIdle(IngestedStream.TWEETS);
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return parts.producer();
  }

  /** An unkeyed message on the given partition. */
  private static void send(KafkaProducer<byte[], byte[]> producer, int partition, String value) {
    producer.send(new ProducerRecord<>(topic, partition, null, value.getBytes(StandardCharsets.UTF_8)));
  }
}
