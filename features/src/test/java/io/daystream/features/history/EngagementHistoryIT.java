package io.daystream.features.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.features.day.DayRange;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.engagement.EngagementExamples;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureRun;
import io.daystream.features.job.FeatureTask;
import io.daystream.features.job.FeatureTasks;
import io.daystream.features.topic.TopicModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engagement task on a hand-made lake of three days (w = 2, two topics of distinct words):
 * exact history features and target encodings, the prior for a key seen for the first time, the
 * point-in-time rule under noise and deletion of the future, reruns, the trainer's reader, and the
 * scorer's candidates getting the history features of the gold table.
 */
class EngagementHistoryIT {

  private static final LocalDate D1 = LocalDate.of(2020, 3, 1);
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);
  private static final double EPS = 1e-12;

  @TempDir
  static Path sparkHome;
  /** Each test has a lake of its own. */
  @TempDir
  Path home;

  private static SparkSession spark;
  private Lake lake;
  private DaystreamConfig config;

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(configWithHome(sparkHome).spark());
  }

  private static DaystreamConfig configWithHome(Path home) {
    return ConfigLoader.defaultsWithHome(home, "spark.master=local[2]",
        "features.text-hash-features=" + HistoryLake.HASH_FEATURES,
        "features.engagement.target-encoding-weight=2",
        "features.engagement.tweet-lookback-days=2",
        "features.engagement.topics.count=2",
        "features.engagement.topics.fit-days=2");
  }

  @BeforeEach
  void writeFixture() {
    config = configWithHome(home);
    lake = new Lake(config.lake());
    // Topic "A" speaks with words 0-1, topic "B" with words 2-3.
    new HistoryLake(spark, lake)
        .tweet("t1", "a1", "2020-03-01T01:00:00Z", 0.5, 0, 1)
        .tweet("t2", "a2", "2020-03-01T02:00:00Z", -0.5, 2, 3)
        .tweet("t3", "a1", "2020-03-02T01:00:00Z", 0.1, 0, 1)
        .tweet("t4", "a1", "2020-03-03T00:30:00Z", 0.2, 1, 0)
        .impression("u1", "t1", "a1", "2020-03-01T09:00:00Z", "like")
        .impression("u1", "t2", "a2", "2020-03-01T10:00:00Z")
        .impression("u2", "t1", "a1", "2020-03-01T11:00:00Z")
        .impression("u1", "t3", "a1", "2020-03-02T20:00:00Z", "like", "retweet")
        .impression("u2", "t2", "a2", "2020-03-02T10:00:00Z", "like")
        .impression("u1", "t4", "a1", "2020-03-03T02:00:00Z", "reply")
        .impression("u3", "t4", "a1", "2020-03-03T03:00:00Z")
        .impression("u2", "t3", "a1", "2020-03-03T08:00:00Z", "like")
        .write();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The engagement task after its text stage: this test writes silver/tweet_text itself. */
  private FeatureTask task() {
    FeatureTask task = FeatureTasks.of("engagement", spark, lake, config);
    return new FeatureTask(task.name(), task.stages().subList(1, task.stages().size()));
  }

  private List<FeatureRun> run(LocalDate first, LocalDate last) {
    return task().run(new DailyFeatureJob(spark, lake), new DayRange(first, last));
  }

  private Map<String, Row> examplesOf(LocalDate day) {
    return gold().where(col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(day))).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("engaging_user_id") + "/" + r.getAs("tweet_id"), r -> r));
  }

  private Dataset<Row> gold() {
    return spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_EXAMPLES));
  }

  /** The rows of days up to {@code day} without labels or lineage, sorted, as strings. */
  private List<String> featuresUpTo(LocalDate day) {
    List<Column> features = new ArrayList<>();
    for (String name : gold().columns()) {
      if (!name.startsWith("label_") && !name.startsWith("true_p_") && !name.equals(DailyFeatureJob.INPUT_VERSIONS)) {
        features.add(col(name));
      }
    }
    return gold().where(col(EngagementColumns.EVENT_DATE).leq(Date.valueOf(day)))
        .select(features.toArray(Column[]::new)).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void historyFeaturesHaveTheirExactValuesAndTheFutureChangesNone() throws IOException {
    run(D1, D3);

    // Day 3's history: 5 impressions, 3 likes, 1 retweet, no reply before it.
    Map<String, Row> day3 = examplesOf(D3);
    assertEquals(3, day3.size());
    Row u1 = day3.get("u1/t4");
    assertEquals(0.6, u1.<Double>getAs("prior_like"), EPS);
    assertEquals(0.2, u1.<Double>getAs("prior_retweet"), EPS);
    assertEquals(0.0, u1.<Double>getAs("prior_reply"), EPS);
    assertEquals((2 + 2 * 0.6) / (3 + 2), u1.<Double>getAs("te_user_like"), EPS);
    assertEquals((2 + 2 * 0.6) / (3 + 2), u1.<Double>getAs("te_author_like"), EPS, "a1: t1 twice, t3 once");
    assertEquals((2 + 2 * 0.6) / (2 + 2), u1.<Double>getAs("te_user_author_like"), EPS);
    assertEquals((2 + 2 * 0.6) / (2 + 2), u1.<Double>getAs("te_user_topic_like"), EPS, "t1 and t3 share t4's topic");
    assertEquals((1 + 2 * 0.2) / (3 + 2), u1.<Double>getAs("te_user_retweet"), EPS);
    assertEquals((1 + 2 * 0.6) / (1 + 2), u1.<Double>getAs("prev_day_rate_topic_like"), EPS, "day 2: t3, liked");
    assertEquals((1 + 2 * 0.6) / (1 + 2), u1.<Double>getAs("prev_day_rate_author_like"), EPS);
    assertEquals(3L, u1.<Long>getAs("user_impressions"));
    assertEquals(3L, u1.<Long>getAs("author_impressions"));
    assertEquals(0L, u1.<Long>getAs("tweet_impressions"));
    assertEquals(2L, u1.<Long>getAs("user_author_impressions"));
    assertEquals(6.0, u1.<Double>getAs("hours_since_user_impression"), EPS);
    assertEquals(6.0, u1.<Double>getAs("hours_since_user_engagement"), EPS);
    assertEquals(1.5, u1.<Double>getAs("tweet_age_hours"), EPS);
    assertEquals(0.2, u1.<Double>getAs("sentiment"), EPS);
    assertEquals(1.0, u1.<Double>getAs("label_reply"), "labels stay, as labels");

    Row u2 = day3.get("u2/t3");
    assertEquals((1 + 2 * 0.6) / (2 + 2), u2.<Double>getAs("te_user_like"), EPS);
    assertEquals(1L, u2.<Long>getAs("tweet_impressions"));
    assertEquals(22.0, u2.<Double>getAs("hours_since_user_impression"), EPS);
    assertEquals(u1.<Integer>getAs(TopicModel.TOPIC), u2.<Integer>getAs(TopicModel.TOPIC));
    assertNotEquals(u1.<Integer>getAs(TopicModel.TOPIC), examplesOf(D2).get("u2/t2").<Integer>getAs(TopicModel.TOPIC));

    // u3 was never seen: every encoding of its keys is the prior itself, recency unknown.
    Row u3 = day3.get("u3/t4");
    for (String head : HistoryColumns.HEADS) {
      double prior = u3.getAs("prior_" + head);
      assertEquals(prior, u3.<Double>getAs("te_user_" + head));
      assertEquals(prior, u3.<Double>getAs("te_user_author_" + head));
      assertEquals(prior, u3.<Double>getAs("te_user_topic_" + head));
    }
    assertEquals(0L, u3.<Long>getAs("user_impressions"));
    assertNull(u3.getAs("hours_since_user_impression"));
    assertNull(u3.getAs("hours_since_user_engagement"));
    // Day 1 had no history: prior 0, and so every encoding.
    assertEquals(0.0, examplesOf(D1).get("u1/t1").<Double>getAs("te_user_like"));

    List<String> before = featuresUpTo(D3);
    assertEquals(8, before.size());

    // Noise: every label of day 3 redrawn, two more days of random impressions and tweets.
    Dataset<Row> day3Engagements = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
        .where(col("event_date").equalTo(Date.valueOf(D3)));
    Dataset<Row> noisy = day3Engagements;
    for (String head : HistoryColumns.HEADS) {
      noisy = noisy.withColumn(head + "_at", when(rand(7).lt(0.5), expr("impression_at + INTERVAL 5 MINUTES")))
          .withColumn("true_p_" + head, rand(11));
    }
    noisy.localCheckpoint().write().format("delta").mode("overwrite").option("replaceWhere", "event_date = DATE'" + D3 + "'")
        .save(lake.path(LakeTable.ENGAGEMENTS));
    HistoryLake future = new HistoryLake(spark, lake);
    for (int i = 0; i < 20; i++) {
      String day = i % 2 == 0 ? "2020-03-04" : "2020-03-05";
      future.tweet("f" + i, "a" + (i % 3), day + "T00:00:00Z", Math.sin(i), i % 4, (i + 1) % 4)
          .impression("u" + (i % 4), "f" + i, "a" + (i % 3), day + "T12:00:00Z", i % 3 == 0 ? "like" : "quote")
          .impression("u1", i % 2 == 0 ? "t4" : "t1", "a1", day + "T13:" + (10 + i) + ":00Z", "like", "reply");
    }
    future.write();

    List<FeatureRun> rerun = run(D1, D3.plusDays(2));
    assertTrue(rerun.get(1).written().contains(D3), "day 3's examples read day 3's engagements: recomputed");
    assertEquals(before, featuresUpTo(D3), "noise in labels of day 3 and in the days after changes no feature");

    // The future deleted, and the derived tables built again from nothing (the history folded at once).
    spark.sql("DELETE FROM delta.`" + lake.path(LakeTable.ENGAGEMENTS) + "` WHERE event_date > DATE'" + D3 + "'");
    spark.sql("DELETE FROM delta.`" + lake.path(LakeTable.TWEETS) + "` WHERE event_date > DATE'" + D3 + "'");
    spark.sql("DELETE FROM delta.`" + lake.path(LakeTable.TWEET_TEXT) + "` WHERE event_date > DATE'" + D3 + "'");
    for (LakeTable derived : List.of(LakeTable.ENGAGEMENT_EXAMPLES, LakeTable.ENGAGEMENT_AGGREGATES, LakeTable.FEATURE_DAYS)) {
      deleteFolder(Path.of(lake.path(derived)));
    }
    run(D3, D3);
    run(D1, D2);
    assertEquals(before, featuresUpTo(D3), "without the future, from a folded history: the same features");
  }

  @Test
  void aRerunSkipsAndAChangedInputRecomputesWithoutDuplicates() {
    EngagementExamples reader = new EngagementExamples(spark, lake);
    run(D1, D2);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> reader.between(new DayRange(D1, D3)));
    assertTrue(missing.getMessage().contains("lacks 1 day(s) of 2020-03-01..2020-03-03 ([2020-03-03])")
        && missing.getMessage().contains("features --task engagement --from 2020-03-01 --to 2020-03-03"),
        missing.getMessage());
    run(D1, D3);
    long rows = gold().count();
    EngagementExamples.ExampleDays read = reader.between(new DayRange(D1, D3));
    assertEquals(rows, read.rowCount(), "the manifest counts what the table holds");
    assertEquals(rows, read.rows().count());
    List<FeatureRun> again = run(D1, D3);
    assertEquals(List.of(), again.get(1).written());
    assertEquals(List.of(D1, D2, D3), again.get(1).skipped());

    // A late impression of day 2: the state of day 2 and day 3's examples are recomputed.
    long u1Before = examplesOf(D3).get("u1/t4").<Long>getAs("user_impressions");
    new HistoryLake(spark, lake).impression("u1", "t2", "a2", "2020-03-02T23:00:00Z").write();
    List<FeatureRun> late = run(D1, D3);
    assertEquals(List.of(D2, D3), late.get(0).written());
    assertTrue(late.get(1).written().contains(D3));
    assertEquals(u1Before + 1, examplesOf(D3).get("u1/t4").<Long>getAs("user_impressions"));
    assertEquals(3.0, examplesOf(D3).get("u1/t4").<Double>getAs("hours_since_user_impression"), EPS,
        "the late impression at 23:00 is u1's latest before 02:00");
    assertEquals(rows + 1, gold().count(), "the late impression is one more example of day 2, nothing doubled");
    assertEquals(gold().count(), gold().select("event_date", "engaging_user_id", "tweet_id").distinct().count());
  }

  @Test
  void theScorersCandidatesGetTheHistoryFeaturesOfTheGoldTable() {
    run(D1, D2);
    // Day 3's impressions as the scorer would see them, before day 3's history exists.
    Dataset<Row> impressions = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
        .where(col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(D3)));
    Dataset<Row> tweets = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
        .select(col("tweet_id").as("known_tweet_id"), col("created_at"));
    List<Column> candidateColumns = new ArrayList<>(List.of(col(EngagementColumns.USER_ID),
        col(EngagementColumns.TWEET_ID), col(EngagementColumns.AUTHOR_ID), lit("").as(EngagementColumns.TEXT),
        col("created_at").as(EngagementColumns.TWEET_CREATED_AT), col(EngagementColumns.IMPRESSION_AT)));
    EngagementColumns.CONTEXT_INPUTS.forEach(name -> candidateColumns.add(col(name)));
    Dataset<Row> candidates = impressions.join(tweets, col("tweet_id").equalTo(col("known_tweet_id")), "left")
        .select(candidateColumns.toArray(Column[]::new));
    CandidateExamples served = new CandidateExamples(spark, lake, config.features());
    assertEquals(D2, served.historyDay());
    List<String> servedFeatures = topicFreeHistory(served.of(candidates));

    run(D1, D3);
    List<String> trainedFeatures =
        topicFreeHistory(gold().where(col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(D3))));
    assertEquals(3, trainedFeatures.size());
    assertEquals(trainedFeatures, servedFeatures, "a candidate gets the history features its gold example has");
  }

  /** Ids and every history feature that does not depend on the topic, sorted, as strings. */
  private static List<String> topicFreeHistory(Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>(List.of(col(EngagementColumns.USER_ID), col(EngagementColumns.TWEET_ID)));
    for (String name : HistoryColumns.features()) {
      if (!name.contains("topic")) {
        columns.add(col(name));
      }
    }
    return rows.select(columns.toArray(Column[]::new)).collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static void deleteFolder(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
