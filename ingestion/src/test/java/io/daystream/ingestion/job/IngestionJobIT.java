package io.daystream.ingestion.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.ingestion.stream.BatchCommitInfo;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.ingestion.testing.RealParts;
import io.delta.tables.DeltaTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion on real parts: an embedded KRaft broker, Structured Streaming, Delta tables. Good,
 * duplicate and malformed messages go in; each lands exactly where it belongs.
 */
class IngestionJobIT {

  private static final int MAX_TEXT = 1_000;
  private static final int GOOD_TWEETS = 60;

  @TempDir
  static Path home;

  private static RealParts parts;
  private static DaystreamConfig config;
  private static SparkSession spark;
  private static Lake lake;

  @BeforeAll
  static void start() {
    // Batches of 20 messages: the tweets take several, the news one each.
    parts = RealParts.start(home, "ingestion.max-text-length=" + MAX_TEXT, "kafka.max-offsets-per-trigger=20");
    config = parts.config();
    spark = parts.spark();
    lake = parts.lake();
  }

  @AfterAll
  static void stop() {
    parts.close();
  }

  @Test
  void goodRecordsLandOnceAndEveryBadOneIsQuarantinedWithItsReason() {
    String topic = config.kafka().topics().tweets();
    Map<String, String> bad = new HashMap<>();
    bad.put("truncated", "{\"tweet_id\":\"bad-1\",\"author_id\":\"a\",\"created_at\":\"2020-03-01T10:");
    bad.put("missing id", "{\"author_id\":\"a\",\"text\":\"no id\",\"created_at\":\"2020-03-01T10:00:00Z\"}");
    bad.put("wrong type", tweet("bad-3", "fine text", "2020-03-01T10:00:00Z").replace("\"like_count\":3", "\"like_count\":\"many\""));
    bad.put("negative", tweet("bad-4", "fine text", "2020-03-01T10:00:00Z").replace("\"like_count\":3", "\"like_count\":-2"));
    bad.put("oversized", tweet("bad-5", "x".repeat(MAX_TEXT + 1), "2020-03-01T10:00:00Z"));
    bad.put("future", tweet("bad-6", "from the future", Instant.now().plus(30, ChronoUnit.DAYS).toString()));
    bad.put("not json", "hello");

    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = 0; i < GOOD_TWEETS; i++) {
        String day = String.format("2020-03-%02dT12:00:00Z", 1 + i % 3);
        String text = i == 0 ? "<p>Fish &amp; <b>chips</b> <a href=\"https://example.org/menu\">menu</a></p>" : "tweet " + i;
        send(producer, topic, "t" + i, tweet("t" + i, text, day));
        if (i % 10 == 0) {
          send(producer, topic, "t" + i, tweet("t" + i, text, day)); // a duplicate delivery
        }
      }
      bad.forEach((name, json) -> send(producer, topic, name, json));
      byte[] invalidUtf8 = tweet("bad-utf8", "caf\u00e9", "2020-03-01T10:00:00Z").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < invalidUtf8.length - 1; i++) {
        if (invalidUtf8[i] == (byte) 0xC3) {
          invalidUtf8[i + 1] = (byte) 0x28; // 0xC3 0x28 is not UTF-8
        }
      }
      producer.send(new ProducerRecord<>(topic, "utf8".getBytes(StandardCharsets.UTF_8), invalidUtf8));
      producer.flush();
    }

    long metricsCommitsBefore = writesTo(LakeTable.INGESTION_METRICS);
    runUntilIdle();

    // A batch that wrote tweets carried its metrics in that commit; the stop copied them all at
    // once. Only a batch that wrote nothing made a metrics commit of its own.
    List<Row> batches = spark.read().format("delta").load(lake.path(LakeTable.INGESTION_METRICS))
        .where(col("stream").equalTo("tweets")).collectAsList();
    long wrote = batches.stream().filter(b -> b.<Long>getAs("written_rows") > 0).count();
    assertTrue(batches.size() > 2, "several batches: " + batches);
    assertEquals(wrote, tweetCommitsCarryingTheirBatch(), "one bronze commit per batch that wrote, with its figures");
    assertEquals(1 + batches.size() - wrote, writesTo(LakeTable.INGESTION_METRICS) - metricsCommitsBefore,
        "one commit for the batches that wrote, one for each that did not: " + batches);

    Dataset<Row> tweets = spark.read().format("delta").load(lake.path(LakeTable.TWEETS));
    assertEquals(GOOD_TWEETS, tweets.count(), "every good tweet once, duplicates dropped: "
        + tweets.where(col("tweet_id").startsWith("bad")).select("tweet_id", "like_count").collectAsList());
    assertEquals(0, tweets.where(col("tweet_id").startsWith("bad")).count(), "no bad record among the good");
    assertEquals(3, tweets.select("event_date").distinct().count(), "partitioned by event day");

    Row cleaned = tweets.where(col("tweet_id").equalTo("t0")).first();
    assertEquals("Fish & chips menu", cleaned.getAs("text"));
    assertTrue(cleaned.<String>getAs("raw_text").contains("<b>chips</b>"), "raw text kept");
    assertEquals(List.of("https://example.org/menu"), cleaned.getList(cleaned.fieldIndex("links")));

    Map<String, String> reasons = quarantined("tweets").stream()
        .collect(Collectors.toMap(r -> new String(r.<byte[]>getAs("raw_key"), StandardCharsets.UTF_8),
            r -> r.<String>getAs("reason")));
    assertEquals(bad.size() + 1, reasons.size(), "every bad message quarantined once: " + reasons);
    assertTrue(reasons.get("truncated").contains("malformed"), reasons.get("truncated"));
    assertTrue(reasons.get("not json").contains("malformed"), reasons.get("not json"));
    assertEquals("missing tweet_id", reasons.get("missing id"));
    assertTrue(reasons.get("wrong type").contains("wrong type"), reasons.get("wrong type"));
    assertEquals("negative like_count", reasons.get("negative"));
    assertTrue(reasons.get("oversized").startsWith("text longer than " + MAX_TEXT), reasons.get("oversized"));
    assertEquals("created_at is in the future", reasons.get("future"));
    assertEquals("message is not valid UTF-8", reasons.get("utf8"));

    // The same messages again (a replay): nothing changes, also not in the quarantine.
    long quarantined = reasons.size();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (int i = 0; i < GOOD_TWEETS; i++) {
        send(producer, topic, "t" + i, tweet("t" + i, "tweet " + i, String.format("2020-03-%02dT12:00:00Z", 1 + i % 3)));
      }
      producer.flush();
    }
    runUntilIdle();
    assertEquals(GOOD_TWEETS, spark.read().format("delta").load(lake.path(LakeTable.TWEETS)).count());
    assertEquals(quarantined, quarantined("tweets").size());

    Dataset<Row> metrics = spark.read().format("delta").load(lake.path(LakeTable.INGESTION_METRICS))
        .where(col("stream").equalTo("tweets"));
    Row totals = metrics.selectExpr("sum(input_rows)", "sum(written_rows)", "sum(quarantined_rows)",
        "sum(duplicates_dropped)").first();
    long produced = GOOD_TWEETS + GOOD_TWEETS / 10 + bad.size() + 1 + GOOD_TWEETS;
    assertEquals(produced, totals.getLong(0), "every message counted as input");
    assertEquals(GOOD_TWEETS, totals.getLong(1));
    assertEquals(quarantined, totals.getLong(2));
    assertEquals(GOOD_TWEETS / 10 + GOOD_TWEETS, totals.getLong(3), "in-batch and replayed duplicates");
  }

  @Test
  void lateRecordsInsideTheWatermarkAreAcceptedAndOlderNewOnesQuarantined() {
    String topic = config.kafka().topics().news();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(producer, topic, "early", news("early", "2020-03-05T09:00:00Z"));
      send(producer, topic, "latest", news("latest", "2020-03-10T12:00:00Z"));
      producer.flush();
    }
    runUntilIdle(IngestedStream.NEWS); // the first batch sets the watermark: 03-10 12:00 minus 2 days

    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      send(producer, topic, "inside", news("inside", "2020-03-08T13:00:00Z"));
      send(producer, topic, "too-late", news("too-late", "2020-03-08T11:00:00Z"));
      send(producer, topic, "early", news("early", "2020-03-05T09:00:00Z")); // late, but already stored
      producer.flush();
    }
    runUntilIdle(IngestedStream.NEWS);

    List<String> stored = spark.read().format("delta").load(lake.path(LakeTable.NEWS))
        .orderBy("post_id").select("post_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("early", "inside", "latest"), stored);
    List<Row> late = quarantined("news");
    assertEquals(1, late.size(), "only the new late record is quarantined: " + late);
    String reason = late.get(0).getAs("reason");
    assertTrue(reason.startsWith("late: created_at 2020-03-08T11:00:00Z is before the watermark 2020-03-08T12:00:00Z"),
        reason);
    Row second = spark.read().format("delta").load(lake.path(LakeTable.INGESTION_METRICS))
        .where(col("stream").equalTo("news")).orderBy(col("batch_id").desc()).first();
    assertEquals(3, second.<Long>getAs("input_rows"));
    assertEquals(1, second.<Long>getAs("written_rows"));
    assertEquals(1, second.<Long>getAs("quarantined_rows"));
    assertEquals(1, second.<Long>getAs("duplicates_dropped"), "the late copy of a stored record");
    // The on-time records' duplicates can only be on the watermark's day or later: the MERGE that
    // stored "inside" looked no further back (what an operator sees in DESCRIBE HISTORY).
    Row merge = DeltaTable.forPath(spark, lake.path(LakeTable.NEWS)).history(1).first();
    assertEquals("MERGE", merge.getAs("operation"));
    String predicate = merge.<String, String>getJavaMap(merge.fieldIndex("operationParameters")).get("predicate");
    assertTrue(predicate.matches(".*event_date#\\d+ >= 2020-03-08.*"), predicate);
  }

  /** Commits to a table other than its creation. */
  private static long writesTo(LakeTable table) {
    return DeltaTable.forPath(spark, lake.path(table)).history().where(col("operation").notEqual("CREATE TABLE")).count();
  }

  /** Bronze tweet commits whose metadata is a batch's, with figures equal to the batch's metrics row. */
  private static long tweetCommitsCarryingTheirBatch() {
    Map<Long, Row> rows = spark.read().format("delta").load(lake.path(LakeTable.INGESTION_METRICS))
        .where(col("stream").equalTo("tweets")).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<Long>getAs("batch_id"), r -> r));
    long carrying = 0;
    for (Row commit : DeltaTable.forPath(spark, lake.path(LakeTable.TWEETS)).history()
        .where(col("operation").equalTo("MERGE")).collectAsList()) {
      Optional<BatchCommitInfo> info = BatchCommitInfo.parse(commit.getAs("userMetadata"));
      if (info.isPresent()) {
        Row row = rows.get(info.get().batchId());
        assertEquals(info.get().inputRows(), row.<Long>getAs("input_rows"));
        assertEquals(info.get().quarantinedRows(), row.<Long>getAs("quarantined_rows"));
        assertEquals(commit.<String, String>getJavaMap(commit.fieldIndex("operationMetrics")).get("numTargetRowsInserted"),
            String.valueOf(row.<Long>getAs("written_rows")));
        carrying++;
      }
    }
    return carrying;
  }

  private static List<Row> quarantined(String stream) {
    return spark.read().format("delta").load(lake.path(LakeTable.QUARANTINE))
        .where(col("stream").equalTo(stream)).collectAsList();
  }

  private static void runUntilIdle() {
    runUntilIdle(IngestedStream.TWEETS);
  }

  private static void runUntilIdle(IngestedStream stream) {
    parts.ingestUntilIdle(stream);
  }

  private static String tweet(String id, String text, String createdAt) {
    return "{\"tweet_id\":\"" + id + "\",\"author_id\":\"a1\",\"text\":\"" + text.replace("\"", "\\\"")
        + "\",\"language\":\"en\",\"hashtags\":[],\"mentions\":[],\"urls\":[],\"created_at\":\"" + createdAt
        + "\",\"like_count\":3,\"reply_count\":0,\"retweet_count\":1,\"quote_count\":0}";
  }

  private static String news(String id, String createdAt) {
    return "{\"post_id\":\"" + id + "\",\"source\":\"worldnews\",\"title\":\"headline " + id
        + "\",\"created_at\":\"" + createdAt + "\"}";
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    return parts.producer();
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, String value) {
    producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8)));
  }
}
