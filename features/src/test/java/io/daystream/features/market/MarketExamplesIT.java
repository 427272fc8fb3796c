package io.daystream.features.market;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureRun;
import io.daystream.features.job.FeatureTasks;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
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

/**
 * Market examples on hand-made bars, with small windows (lags 1 and 3, volatility over 3 returns,
 * volume against 2 bars): Wednesday 2020-01-15 is a market holiday, symbol B has no bar on
 * Thursday 01-09 and symbol C is listed from 01-13. Expected values are worked out by hand from
 * the closes below.
 */
class MarketExamplesIT {

  private static final StructType BARS = new StructType()
      .add("symbol", DataTypes.StringType).add("trading_date", DataTypes.DateType)
      .add("open", DataTypes.DoubleType).add("high", DataTypes.DoubleType).add("low", DataTypes.DoubleType)
      .add("close", DataTypes.DoubleType).add("volume", DataTypes.LongType).add("event_date", DataTypes.DateType);
  private static final StructType NEWS = new StructType()
      .add("post_id", DataTypes.StringType).add("source", DataTypes.StringType).add("title", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType).add("label", DataTypes.IntegerType)
      .add("event_date", DataTypes.DateType);
  private static final StructType NEWS_TEXT = new StructType()
      .add("post_id", DataTypes.StringType).add("source", DataTypes.StringType)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType)).add("text_tf", new VectorUDT())
      .add("sentiment", DataTypes.DoubleType).add("event_date", DataTypes.DateType);
  private static final StructType TWEETS = new StructType()
      .add("tweet_id", DataTypes.StringType).add("author_id", DataTypes.StringType).add("text", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType).add("event_date", DataTypes.DateType);
  private static final StructType TWEET_TEXT = new StructType()
      .add("tweet_id", DataTypes.StringType).add("terms", DataTypes.createArrayType(DataTypes.StringType))
      .add("text_tf", new VectorUDT()).add("sentiment", DataTypes.DoubleType).add("event_date", DataTypes.DateType);

  private static final LocalDate FIRST = LocalDate.of(2020, 1, 6);
  private static final LocalDate LAST = LocalDate.of(2020, 1, 17);
  private static final LocalDate HOLIDAY = LocalDate.of(2020, 1, 15);
  private static final String[] SMALL_WINDOWS = {
      "spark.master=local[2]", "features.market.return-lags=[1,3]", "features.market.volatility-windows=[3]",
      "features.market.volume-average-days=2", "features.market.history-days=10", "features.market.label-horizon-days=4"};
  private static final double EPS = 1e-12;

  /** Symbol → close per trading day; a missing day is no bar. */
  private static final Map<String, Map<LocalDate, Double>> CLOSES = new TreeMap<>();

  static {
    CLOSES.put("A", closes(new double[] {100, 110, 99, 99, 108.9, 100, 105, 84, 100.8}, 6, 7, 8, 9, 10, 13, 14, 16, 17));
    CLOSES.put("B", closes(new double[] {50, 50, 55, 44, 44, 48.4, 48.4, 50}, 6, 7, 8, 10, 13, 14, 16, 17));
    CLOSES.put("C", closes(new double[] {20, 21, 21, 22}, 13, 14, 16, 17));
  }

  @TempDir
  static Path homes;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(config("session").spark());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void priceFeaturesAndLabelsHaveTheirHandComputedValues() {
    DaystreamConfig config = config("prices");
    Lake lake = new Lake(config.lake());
    writeBars(lake, (symbol, day) -> false, null);
    // The job end to end over the holiday and the day after it; the whole fixture in one pass.
    List<FeatureRun> runs = FeatureTasks.of("market", spark, lake, config)
        .run(new DailyFeatureJob(spark, lake), new DayRange(HOLIDAY, HOLIDAY.plusDays(1)));
    FeatureRun run = runs.get(runs.size() - 1);
    assertEquals(List.of(HOLIDAY, HOLIDAY.plusDays(1)), run.written());
    assertEquals(3, run.rows(), "no rows on the holiday, A, B and C the day after");
    assertTrue(run.absentInputs().contains("silver/news_text"), "absent inputs are reported: " + run.absentInputs());
    Map<String, Row> written = examples(lake);
    Map<String, Row> rows = byKey(new MarketExamples(spark, lake, config.features().market())
        .examplesOf(new DayRange(FIRST, LAST)));
    assertEquals(9 + 8 + 4, rows.size());
    for (String key : written.keySet()) {
      assertEquals((Object) rows.get(key).getAs("return_3d"), written.get(key).getAs("return_3d"), key);
      assertEquals((Object) rows.get(key).getAs("outperform"), written.get(key).getAs("outperform"), key);
    }

    Row a10 = rows.get("A 2020-01-10");
    assertClose(0.1, a10.getAs("return_1d"));
    assertClose(108.9 / 110 - 1, a10.getAs("return_3d"));
    assertClose(sampleSd(-0.1, 0.0, 0.1), a10.getAs("volatility_3d"));
    assertClose(3000.0 / 1000 - 1, a10.getAs("volume_change"), "D's volume against its 2 bars before");
    assertClose(104.94 / 99 - 1, a10.getAs("gap"));
    assertClose(1.0, a10.getAs("return_1d_rank"));

    // B has no bar on 01-09: its windows run over its own bars (08 is its previous one).
    assertTrue(!rows.containsKey("B 2020-01-09"));
    Row b10 = rows.get("B 2020-01-10");
    assertClose(44.0 / 55 - 1, b10.getAs("return_1d"));
    assertClose(44.0 / 50 - 1, b10.getAs("return_3d"), "3 of B's own bars back is 01-06");
    assertClose(sampleSd(0.0, 0.1, -0.2), b10.getAs("volatility_3d"));
    assertClose(0.0, b10.getAs("return_1d_rank"));
    // The label of 01-08 is about 01-09, the market's next day: B has no bar then.
    Row b08 = rows.get("B 2020-01-08");
    assertNull(b08.getAs("pct_change"));
    assertNull(b08.getAs("up"));
    assertNull(b08.getAs("outperform"));
    Row a08 = rows.get("A 2020-01-08");
    assertClose(0.0, a08.getAs("pct_change"));
    assertEquals(1, (int) a08.getAs("up"), "an unchanged close is up");
    assertEquals(0, (int) a08.getAs("outperform"), "A's return on 01-09 is that day's mean, not above it");

    // The holiday has no rows; nothing shifts: 01-16 follows 01-14, and 01-14's labels are about 01-16.
    assertTrue(rows.keySet().stream().noneMatch(key -> key.endsWith(HOLIDAY.toString())));
    assertClose(84.0 / 105 - 1, rows.get("A 2020-01-16").getAs("return_1d"));
    assertClose(84.0 / 108.9 - 1, rows.get("A 2020-01-16").getAs("return_3d"), "3 bars back: 01-14, 01-13, 01-10");
    double mean16 = ((84.0 / 105 - 1) + 0 + 0) / 3;
    Row a14 = rows.get("A 2020-01-14");
    assertClose(84.0 / 105 - 1, a14.getAs("pct_change"));
    assertEquals(0, (int) a14.getAs("up"));
    assertEquals(0, (int) a14.getAs("outperform"));
    Row b14 = rows.get("B 2020-01-14");
    assertEquals(1, (int) b14.getAs("up"));
    assertEquals(1, (int) b14.getAs("outperform"), "0 > " + mean16);
    assertEquals(1, (int) rows.get("C 2020-01-14").getAs("outperform"));

    // C's first days: not enough history is null, never zero.
    Row c13 = rows.get("C 2020-01-13");
    assertNull(c13.getAs("return_1d"));
    assertNull(c13.getAs("return_1d_rank"));
    assertNull(c13.getAs("gap"));
    assertNull(c13.getAs("volume_change"));
    assertNull(rows.get("C 2020-01-16").getAs("return_3d"));
    assertNull(rows.get("C 2020-01-16").getAs("volatility_3d"));
    assertClose(22.0 / 20 - 1, rows.get("C 2020-01-17").getAs("return_3d"));
    assertClose(0.0, rows.get("A 2020-01-13").getAs("return_1d_rank"), "A fell, B flat, C has no return yet");
    assertClose(1.0, rows.get("B 2020-01-13").getAs("return_1d_rank"));

    // The last known day has no next day yet; no news or tweets were loaded: null, not zero.
    Row a17 = rows.get("A 2020-01-17");
    assertNull(a17.getAs("pct_change"));
    assertNull(a17.getAs("outperform"));
    assertNull(a17.getAs("news_count"));
    assertNull(a17.getAs("cashtag_tweet_count"));
  }

  @Test
  void newsAndCashtagTweetsOfTheDayWithTheirSilverText() {
    DaystreamConfig config = config("text");
    Lake lake = new Lake(config.lake());
    writeBars(lake, (symbol, day) -> false, null);
    LocalDate day = LocalDate.of(2020, 1, 10);
    writeNews(lake, day, List.of("Markets rally", "Oil slips"), 0);
    writeNewsText(lake, day, new double[][] {{1, 0, 2, 0}, {3, 0, 0, 0}}, new double[] {0.5, -0.1});
    writeTweets(lake, day, List.of("$A to the moon, again $a", "buy $B and $AB for $5.00", "nothing here"));
    writeTweetText(lake, day, "t0", 0.8);
    MarketExamples set = new MarketExamples(spark, lake, config.features().market());

    Map<String, Row> rows = byKey(set.compute(day));
    Row a = rows.get("A 2020-01-10");
    assertEquals(2L, (long) a.getAs("news_count"));
    assertClose(0.2, a.getAs("news_sentiment"));
    assertEquals(Vectors.dense(2, 0, 1, 0), (Vector) a.getAs("news_text_tf"), "mean of the day's headline vectors");
    assertEquals(1L, (long) a.getAs("cashtag_tweet_count"), "two mentions in one tweet count once");
    assertClose(0.8, a.getAs("cashtag_tweet_sentiment"));
    Row b = rows.get("B 2020-01-10");
    assertEquals(2L, (long) b.getAs("news_count"), "news are market-wide");
    assertEquals(1L, (long) b.getAs("cashtag_tweet_count"));
    assertNull(b.getAs("cashtag_tweet_sentiment"), "its tweet has no silver text");
    // Another day with bars but no tweets stored: unknown, not zero.
    Row a13 = byKey(set.compute(LocalDate.of(2020, 1, 13))).get("A 2020-01-13");
    assertNull(a13.getAs("cashtag_tweet_count"));
    assertNull(a13.getAs("news_count"));
  }

  @Test
  void featuresUpToDayDIgnoreEverythingAfterItAndEveryLabel() {
    LocalDate d = LocalDate.of(2020, 1, 13);
    Random noise = new Random(11);
    DaystreamConfig clean = config("clean");
    DaystreamConfig noisy = config("noisy");
    DaystreamConfig cut = config("cut");
    writeBars(new Lake(clean.lake()), (symbol, day) -> false, null);
    writeBars(new Lake(noisy.lake()), (symbol, day) -> day.isAfter(d), noise);
    writeBars(new Lake(cut.lake()), (symbol, day) -> day.isAfter(d), null);
    for (DaystreamConfig config : List.of(clean, noisy, cut)) {
      boolean isNoisy = config == noisy;
      List<Row> news = new ArrayList<>();
      List<Row> tweets = new ArrayList<>();
      for (LocalDate day = FIRST; !day.isAfter(config == cut ? d : LAST); day = day.plusDays(1)) {
        boolean after = day.isAfter(d);
        news.addAll(newsRows(day, List.of(isNoisy && after ? "noise " + noise.nextInt() : "news of " + day),
            isNoisy ? noise.nextInt(2) : 1));
        tweets.addAll(tweetRows(day, List.of(isNoisy && after ? "$A $B $C " + noise.nextInt() : "$A on " + day)));
      }
      append(new Lake(config.lake()), LakeTable.NEWS, news, NEWS);
      append(new Lake(config.lake()), LakeTable.TWEETS, tweets, TWEETS);
    }
    List<String> features = new ArrayList<>(MarketColumns.priceFeatures(List.of(1, 3), List.of(3)));
    features.addAll(List.of("news_count", "cashtag_tweet_count"));
    DayRange upToD = new DayRange(FIRST, d);
    Map<String, List<Object>> expected = featureValues(clean, upToD, features);
    assertEquals(6 + 5 + 1, expected.size(), "every bar up to " + d);
    assertEquals(expected, featureValues(noisy, upToD, features), "noise after " + d + " changed features up to it");
    assertEquals(expected, featureValues(cut, upToD, features), "deleting the days after " + d + " changed features");
    // Day D alone, as the daily job computes it, reads the label horizon after D: still unchanged.
    DayRange dOnly = DayRange.of(d);
    assertEquals(featureValues(clean, dOnly, features), featureValues(noisy, dOnly, features));
    assertEquals(featureValues(clean, dOnly, features), featureValues(cut, dOnly, features));
    // The labels of D itself do look ahead: the cut leaves them unknown.
    Row cleanLabels = byKey(new MarketExamples(spark, new Lake(clean.lake()), clean.features().market()).compute(d))
        .get("A 2020-01-13");
    Row cutLabels = byKey(new MarketExamples(spark, new Lake(cut.lake()), cut.features().market()).compute(d))
        .get("A 2020-01-13");
    assertNotNull(cleanLabels.getAs("pct_change"));
    assertNull(cutLabels.getAs("pct_change"));
  }

  private static Map<String, List<Object>> featureValues(DaystreamConfig config, DayRange days, List<String> features) {
    Dataset<Row> rows = new MarketExamples(spark, new Lake(config.lake()), config.features().market()).examplesOf(days);
    Map<String, List<Object>> values = new TreeMap<>();
    for (Row row : rows.collectAsList()) {
      List<Object> featureRow = new ArrayList<>();
      features.forEach(name -> featureRow.add(row.getAs(name)));
      values.put(row.getAs("symbol") + " " + row.getAs("trading_date"), featureRow);
    }
    return values;
  }

  // --- fixture ---

  private interface Replaced {
    boolean test(String symbol, LocalDate day);
  }

  /** Writes the fixture's bars; those {@code replaced} selects get random values, or are left out without noise. */
  private static void writeBars(Lake lake, Replaced replaced, Random noise) {
    List<Row> rows = new ArrayList<>();
    CLOSES.forEach((symbol, closes) -> closes.forEach((day, close) -> {
      double open = symbol.equals("A") && day.getDayOfMonth() == 10 ? 104.94 : close;
      long volume = symbol.equals("A") && day.getDayOfMonth() == 10 ? 3000 : 1000;
      if (replaced.test(symbol, day)) {
        if (noise == null) {
          return;
        }
        close = 1 + noise.nextDouble() * 500;
        open = 1 + noise.nextDouble() * 500;
        volume = noise.nextInt(100_000);
      }
      rows.add(RowFactory.create(symbol, Date.valueOf(day), open, Math.max(open, close), Math.min(open, close), close,
          volume, Date.valueOf(day)));
    }));
    if (noise != null) {
      rows.add(RowFactory.create("A", Date.valueOf(HOLIDAY), 1.0, 1.0, 1.0, 1.0, 5L, Date.valueOf(HOLIDAY)));
    }
    spark.createDataFrame(rows, BARS).write().format("delta").mode("append").partitionBy("event_date")
        .save(lake.path(LakeTable.PRICES));
  }

  private static void writeNews(Lake lake, LocalDate day, List<String> titles, int label) {
    append(lake, LakeTable.NEWS, newsRows(day, titles, label), NEWS);
  }

  private static List<Row> newsRows(LocalDate day, List<String> titles, int label) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      rows.add(RowFactory.create(day + "-" + i, "test", titles.get(i), Timestamp.valueOf(day.atStartOfDay()), label,
          Date.valueOf(day)));
    }
    return rows;
  }

  private static void append(Lake lake, LakeTable table, List<Row> rows, StructType schema) {
    spark.createDataFrame(rows, schema).write().format("delta").mode("append").partitionBy("event_date")
        .save(lake.path(table));
  }

  private static void writeNewsText(Lake lake, LocalDate day, double[][] vectors, double[] sentiments) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      rows.add(RowFactory.create(day + "-" + i, "test", List.of("w"), Vectors.dense(vectors[i]), sentiments[i],
          Date.valueOf(day)));
    }
    spark.createDataFrame(rows, NEWS_TEXT).write().format("delta").mode("append").partitionBy("event_date")
        .save(lake.path(LakeTable.NEWS_TEXT));
  }

  private static void writeTweets(Lake lake, LocalDate day, List<String> texts) {
    append(lake, LakeTable.TWEETS, tweetRows(day, texts), TWEETS);
  }

  private static List<Row> tweetRows(LocalDate day, List<String> texts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create(day.equals(LocalDate.of(2020, 1, 10)) ? "t" + i : day + "-" + i, "u", texts.get(i),
          Timestamp.valueOf(day.atTime(12, 0)), Date.valueOf(day)));
    }
    return rows;
  }

  private static void writeTweetText(Lake lake, LocalDate day, String tweetId, double sentiment) {
    Row row = RowFactory.create(tweetId, List.of("moon"), Vectors.dense(1, 0), sentiment, Date.valueOf(day));
    spark.createDataFrame(List.of(row), TWEET_TEXT).write().format("delta").mode("append").partitionBy("event_date")
        .save(lake.path(LakeTable.TWEET_TEXT));
  }

  private static DaystreamConfig config(String name) {
    return ConfigLoader.defaultsWithHome(homes.resolve(name), SMALL_WINDOWS);
  }

  private static Map<String, Row> examples(Lake lake) {
    return byKey(spark.read().format("delta").load(lake.path(LakeTable.MARKET_EXAMPLES)));
  }

  private static Map<String, Row> byKey(Dataset<Row> rows) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row row : rows.orderBy(col("trading_date"), col("symbol")).collectAsList()) {
      byKey.put(row.getAs("symbol") + " " + row.getAs("trading_date"), row);
    }
    return byKey;
  }

  private static Map<LocalDate, Double> closes(double[] values, int... januaryDays) {
    Map<LocalDate, Double> closes = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      closes.put(LocalDate.of(2020, 1, januaryDays[i]), values[i]);
    }
    return closes;
  }

  private static double sampleSd(double... values) {
    double mean = java.util.Arrays.stream(values).average().orElseThrow();
    double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1));
  }

  private static void assertClose(double expected, Object actual) {
    assertClose(expected, actual, "");
  }

  private static void assertClose(double expected, Object actual, String message) {
    assertNotNull(actual, message);
    assertEquals(expected, (Double) actual, EPS, message);
  }
}
