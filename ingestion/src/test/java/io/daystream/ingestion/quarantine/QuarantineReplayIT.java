package io.daystream.ingestion.quarantine;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.schema.PriceBar;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.ingestion.stream.BronzeTable;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.ingestion.stream.MessageParser;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Late records back from the quarantine into bronze, exactly once: real SparkSession, real Delta tables. */
class QuarantineReplayIT {

  private static final String TOPIC = "daystream.prices";
  private static final LocalDate FROM = LocalDate.of(2021, 2, 20);
  private static final LocalDate TO = LocalDate.of(2021, 3, 1);

  private static SparkSession spark;
  private static DaystreamConfig config;
  private static Lake lake;

  @BeforeAll
  static void start(@TempDir java.nio.file.Path home) {
    config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    spark = SparkSessionFactory.getOrCreate(config.spark());
    lake = new Lake(config.lake());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void lateRecordsLandOnceTheInvalidStayAndASecondReplayLandsNothing() {
    // Stored on time.
    PriceBar storedMarch1 = bar("2021-03-01", 20.0, 21.0, 19.0, 20.5, 20.4, 5_000);
    store(IngestedStream.PRICES, List.of(RecordJson.of(storedMarch1), RecordJson.of(bar("2021-03-02", 20.0, 22.0, 19.0, 21.0, 21.0, 6_000)),
        RecordJson.of(bar("2021-03-03", 21.0, 23.0, 20.0, 22.0, 22.0, 7_000))));
    // Quarantined as late.
    PriceBar newFeb22 = bar("2021-02-22", 10.0, 12.0, 9.5, 11.0, 10.9, 1_000);
    PriceBar newFeb23 = new PriceBar("ACME", LocalDate.parse("2021-02-23"), 11.0, 11.5, 10.5, 11.25, null, 2_000);
    PriceBar copyOfStored = bar("2021-03-01", 20.0, 21.0, 19.0, 99.0, 99.0, 5_000);
    PriceBar highBelowLow = bar("2021-02-24", 11.0, 9.0, 10.0, 10.0, 10.0, 3_000);
    PriceBar outOfRange = bar("2021-01-11", 8.0, 9.0, 7.0, 8.5, 8.5, 4_000);
    Tweet lateTweet = new Tweet("t-late", "a-1", "<p>Fish &amp; <b>chips</b> <a href=\"https://example.org/m\">menu</a></p>",
        "en", List.of("food"), List.of(), List.of(), Instant.parse("2021-02-22T10:15:30Z"), 3L, 0L, 1L, null);
    List<Row> quarantined = new ArrayList<>();
    quarantined.add(late("prices", TOPIC, 0, 10, RecordJson.keyOf(newFeb22), RecordJson.of(newFeb22)));
    quarantined.add(late("prices", TOPIC, 1, 11, RecordJson.keyOf(newFeb23), RecordJson.of(newFeb23)));
    quarantined.add(late("prices", TOPIC, 0, 12, RecordJson.keyOf(copyOfStored), RecordJson.of(copyOfStored)));
    quarantined.add(late("prices", TOPIC, 1, 13, RecordJson.keyOf(highBelowLow), RecordJson.of(highBelowLow)));
    quarantined.add(late("prices", TOPIC, 0, 14, RecordJson.keyOf(outOfRange), RecordJson.of(outOfRange)));
    // The same message re-sent and quarantined again by a later batch.
    quarantined.add(late("prices", TOPIC, 1, 15, RecordJson.keyOf(newFeb22), RecordJson.of(newFeb22)));
    quarantined.add(row("prices", TOPIC, 0, 16, null, "{\"symbol\":\"ACME\",\"trading_date\":\"2021-02-25\"",
        "malformed JSON or a field of the wrong type"));
    quarantined.add(late("tweets", "daystream.tweets", 0, 3, RecordJson.keyOf(lateTweet), RecordJson.of(lateTweet)));
    spark.createDataFrame(quarantined, Quarantine.SCHEMA).write().format("delta").mode("append")
        .save(lake.path(LakeTable.QUARANTINE));
    QuarantineReplay replay = new QuarantineReplay(spark, lake, config.ingestion().maxTextLength());
    ReplaySelection pricesInRange = ReplaySelection.of("late", "prices", FROM, TO);

    List<ReplayedStream> first = replay.replay(pricesInRange);

    assertEquals(List.of(new ReplayedStream("prices", 5, 2, 2, 1, new TreeMap<>(Map.of("high below low", 1L)))), first,
        "Feb 22 (twice), Feb 23, the copy of Mar 1 and the invalid Feb 24; not Jan 11, not the malformed one");
    Dataset<Row> prices = table(LakeTable.PRICES);
    assertEquals(5, prices.count());
    Row feb22 = prices.where(col("trading_date").equalTo(Date.valueOf("2021-02-22"))).first();
    assertEquals("ACME", feb22.getAs("symbol"));
    assertEquals(10.0, feb22.<Double>getAs("open"));
    assertEquals(12.0, feb22.<Double>getAs("high"));
    assertEquals(9.5, feb22.<Double>getAs("low"));
    assertEquals(11.0, feb22.<Double>getAs("close"));
    assertEquals(10.9, feb22.<Double>getAs("adj_close"));
    assertEquals(1_000L, feb22.<Long>getAs("volume"));
    assertEquals(Date.valueOf("2021-02-22"), feb22.getAs("event_date"));
    assertTrue(feb22.getAs("ingested_at") != null);
    Row feb23 = prices.where(col("trading_date").equalTo(Date.valueOf("2021-02-23"))).first();
    assertEquals(11.25, feb23.<Double>getAs("close"));
    assertNull(feb23.getAs("adj_close"));
    assertEquals(2_000L, feb23.<Long>getAs("volume"));
    assertEquals(20.5, prices.where(col("trading_date").equalTo(Date.valueOf("2021-03-01"))).first().<Double>getAs("close"),
        "insert-only: the late copy does not overwrite the stored record");
    assertEquals(List.of("13", "14", "16", "3"), offsetsInQuarantine(),
        "the landed and the already stored are gone; the invalid, the out-of-range, the malformed and the tweet stay");
    assertTrue(quarantineRow(13).getString(0).startsWith("late: "), "the rejected again keeps its reason");

    List<ReplayedStream> second = replay.replay(pricesInRange);

    assertEquals(List.of(new ReplayedStream("prices", 1, 0, 0, 1, new TreeMap<>(Map.of("high below low", 1L)))), second);
    assertEquals(5, table(LakeTable.PRICES).count(), "a second replay lands nothing");
    assertEquals(4, table(LakeTable.QUARANTINE).count());

    // A crash between the bronze commit and the quarantine DELETE: the landed rows are still quarantined.
    spark.createDataFrame(quarantined.subList(0, 2), Quarantine.SCHEMA).write().format("delta").mode("append")
        .save(lake.path(LakeTable.QUARANTINE));

    List<ReplayedStream> afterCrash = replay.replay(pricesInRange);

    assertEquals(List.of(new ReplayedStream("prices", 3, 0, 2, 1, new TreeMap<>(Map.of("high below low", 1L)))),
        afterCrash, "found in bronze, landed nothing, removed from the quarantine");
    assertEquals(5, table(LakeTable.PRICES).count());
    assertEquals(List.of("13", "14", "16", "3"), offsetsInQuarantine());

    List<ReplayedStream> everything = replay.replay(ReplaySelection.of("late", null, null, null));

    assertEquals(List.of(
        new ReplayedStream("tweets", 1, 1, 0, 0, new TreeMap<>()),
        new ReplayedStream("prices", 2, 1, 0, 1, new TreeMap<>(Map.of("high below low", 1L)))), everything);
    assertEquals(6, table(LakeTable.PRICES).count());
    Row tweet = table(LakeTable.TWEETS).first();
    assertEquals("t-late", tweet.getAs("tweet_id"));
    assertEquals("a-1", tweet.getAs("author_id"));
    assertEquals("Fish & chips menu", tweet.getAs("text"), "cleaned as on the normal path");
    assertEquals(lateTweet.text(), tweet.getAs("raw_text"));
    assertEquals(List.of("https://example.org/m"), tweet.getList(tweet.fieldIndex("links")));
    assertEquals(List.of("food"), tweet.getList(tweet.fieldIndex("hashtags")));
    assertEquals(Timestamp.from(Instant.parse("2021-02-22T10:15:30Z")), tweet.getAs("created_at"));
    assertEquals(3L, tweet.<Long>getAs("like_count"));
    assertNull(tweet.getAs("quote_count"));
    assertEquals(Date.valueOf("2021-02-22"), tweet.getAs("event_date"));
    assertEquals(List.of("13", "16"), offsetsInQuarantine());
  }

  private static PriceBar bar(String day, double open, double high, double low, double close, Double adjClose,
      long volume) {
    return new PriceBar("ACME", LocalDate.parse(day), open, high, low, close, adjClose, volume);
  }

  /** Stores records through the normal path, as an on-time batch would. */
  private static void store(IngestedStream stream, List<String> json) {
    List<Row> rows = new ArrayList<>();
    long offset = 0;
    for (String value : json) {
      rows.add(RowFactory.create(null, value.getBytes(StandardCharsets.UTF_8), TOPIC, 0, offset++));
    }
    StructType kafka = new StructType().add("key", DataTypes.BinaryType).add("value", DataTypes.BinaryType)
        .add("topic", DataTypes.StringType).add("partition", DataTypes.IntegerType).add("offset", DataTypes.LongType);
    BronzeTable table = new BronzeTable(stream, lake.path(stream.table()));
    Dataset<Row> parsed = table.withBronzeRecords(MessageParser.parse(spark.createDataFrame(rows, kafka), stream, 1000));
    assertEquals(0, parsed.where(col("reason").isNotNull()).count());
    assertEquals(json.size(), table.insertNew(parsed.select("record.*").localCheckpoint()));
  }

  private static Row late(String stream, String topic, int partition, long offset, String key, String json) {
    return row(stream, topic, partition, offset, key, json,
        "late: event time is before the watermark 2021-03-05T00:00:00Z (latest event time seen minus 48 h)");
  }

  private static Row row(String stream, String topic, int partition, long offset, String key, String json,
      String reason) {
    return RowFactory.create(stream, "kafka", topic, partition, offset, null, null,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), reason,
        Timestamp.from(Instant.parse("2021-03-05T00:00:01.123456Z")));
  }

  private static Dataset<Row> table(LakeTable table) {
    return spark.read().format("delta").load(lake.path(table));
  }

  /** The quarantine's offsets, ordered by stream (prices, then tweets) and offset, as strings. */
  private static List<String> offsetsInQuarantine() {
    return table(LakeTable.QUARANTINE).orderBy(col("stream"), col("offset")).select(col("offset").cast("string"))
        .collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private static Row quarantineRow(long offset) {
    return table(LakeTable.QUARANTINE).where(col("offset").equalTo(offset)).select("reason").first();
  }
}
