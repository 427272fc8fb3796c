package io.daystream.features.text;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.job.FeatureRun;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code silver/tweet_text} and {@code silver/news_text} from small bronze tables: one row per
 * item of the day, the cleaned text featurized (not the raw HTML), news as title plus body, and a
 * day computed once.
 */
class TextFeatureSetsIT {

  private static final LocalDate D = LocalDate.of(2020, 4, 10);
  /** The bronze columns the text sets read, beside the raw text bronze keeps. */
  private static final StructType BRONZE_TWEETS = new StructType()
      .add("tweet_id", DataTypes.StringType)
      .add("author_id", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("raw_text", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType)
      .add("event_date", DataTypes.DateType);
  private static final StructType BRONZE_NEWS = new StructType()
      .add("post_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("body", DataTypes.StringType)
      .add("raw_body", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType)
      .add("event_date", DataTypes.DateType);

  @TempDir
  static Path home;

  private static SparkSession spark;
  private static Lake lake;
  private static DaystreamConfig config;

  /** Left running: Spark NLP keeps the first session it sees, so a later class could not use a new one. */
  @BeforeAll
  static void start() {
    config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    spark = SparkSessionFactory.getOrCreate(config.spark());
    lake = new Lake(config.lake());
  }

  @Test
  void tweetsOfTheDayAreFeaturizedOnceFromTheirCleanedText() {
    spark.createDataFrame(List.of(
            tweet("t1", "Great quarter for $AAPL, buying more", "<b>Great</b> quarter for $AAPL, buying more", D),
            tweet("t2", "", "<img src=\"chart.png\">", D),
            tweet("t3", "Market crash incoming", "Market crash incoming", D.plusDays(1))), BRONZE_TWEETS)
        .write().format("delta").partitionBy("event_date").save(lake.path(LakeTable.TWEETS));
    DailyFeatureSet set = TextFeatureSets.tweets(spark, lake, config.features());
    DailyFeatureJob job = new DailyFeatureJob(spark, lake);

    FeatureRun run = job.run(set, List.of(D));

    assertEquals(2, run.rows());
    Map<String, Row> rows = spark.read().format("delta").load(lake.path(LakeTable.TWEET_TEXT))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("tweet_id"), r -> r));
    assertEquals(2, rows.size(), "the tweets of D, not of D + 1");
    assertEquals(List.of("great", "quarter", "$aapl", "buying"), rows.get("t1").getList(rows.get("t1").fieldIndex("terms")),
        "the cleaned text: no HTML tag reaches the terms");
    assertEquals(List.of(), rows.get("t2").getList(rows.get("t2").fieldIndex("terms")), "a media-only tweet keeps its row");
    assertTrue(rows.get("t2").isNullAt(rows.get("t2").fieldIndex("sentiment")));
    assertEquals(Date.valueOf(D), rows.get("t1").getAs("event_date"));
    assertEquals(set.featureSetVersion(), rows.get("t1").getAs(DailyFeatureJob.FEATURE_SET_VERSION));
    assertTrue(set.featureSetVersion().contains(new TermsPipeline(config.features()).version()));

    assertEquals(List.of(D), job.run(set, List.of(D)).skipped(), "same bronze day, same models: skipped");
  }

  @Test
  void newsIsFeaturizedFromTitleAndBody() {
    spark.createDataFrame(List.of(
            news("n1", "reddit_worldnews", "Oil prices surge", null, D),
            news("n2", "reddit_wsb", "Holding GME", "Diamond hands forever", D),
            news("n3", "reddit_wsb", "Yolo update", "   ", D)), BRONZE_NEWS)
        .write().format("delta").partitionBy("event_date").save(lake.path(LakeTable.NEWS));

    FeatureRun run = new DailyFeatureJob(spark, lake).run(TextFeatureSets.news(spark, lake, config.features()), List.of(D));

    assertEquals(3, run.rows());
    Map<String, List<Object>> terms = spark.read().format("delta").load(lake.path(LakeTable.NEWS_TEXT))
        .where(col("event_date").equalTo(Date.valueOf(D)))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("post_id"), r -> r.getList(r.fieldIndex("terms"))));
    assertEquals(Map.of(
        "n1", List.of("oil", "prices", "surge"),
        "n2", List.of("holding", "gme", "diamond", "hands", "forever"),
        "n3", List.of("yolo", "update")), terms);
    assertEquals(List.of("post_id", "source", "event_date", "terms", "text_tf", "sentiment"),
        List.of(spark.read().format("delta").load(lake.path(LakeTable.NEWS_TEXT)).columns()).subList(0, 6));
  }

  private static Row tweet(String id, String text, String raw, LocalDate day) {
    return RowFactory.create(id, "a1", text, raw, Timestamp.valueOf(day.atTime(12, 0)), Date.valueOf(day));
  }

  private static Row news(String id, String source, String title, String body, LocalDate day) {
    return RowFactory.create(id, source, title, body, body, Timestamp.valueOf(day.atTime(9, 0)), Date.valueOf(day));
  }
}
