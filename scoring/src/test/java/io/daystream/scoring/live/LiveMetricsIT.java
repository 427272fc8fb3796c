package io.daystream.scoring.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.outcome.LiveMetric;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.JavaConverters;

/**
 * Live metrics on a hand-made day, against metrics computed by hand from the same predictions:
 * which impression answers which score, per hour and day, champion and shadow.
 */
class LiveMetricsIT {

  private static final LocalDate DAY = LocalDate.parse("2020-03-12");

  @TempDir
  static Path lake;

  private static SparkSession spark;

  private static final StructType SCORES = new StructType()
      .add("request_id", DataTypes.StringType)
      .add("engaging_user_id", DataTypes.StringType)
      .add("tweet_id", DataTypes.StringType)
      .add("requested_at", DataTypes.TimestampType)
      .add("p_like", DataTypes.DoubleType)
      .add("model_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      .add("shadow_p_like", DataTypes.DoubleType)
      .add("shadow_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      .add("request_date", DataTypes.DateType);

  private static final StructType ENGAGEMENTS = new StructType()
      .add("engaging_user_id", DataTypes.StringType)
      .add("tweet_id", DataTypes.StringType)
      .add("impression_at", DataTypes.TimestampType)
      .add("like_at", DataTypes.TimestampType)
      .add("event_date", DataTypes.DateType);

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(ConfigLoader.defaultsWithHome(lake, "spark.master=local[1]").spark());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void eachImpressionIsJudgedByTheLatestScoreBeforeItPerHourAndDayForChampionAndShadow() {
    spark.createDataFrame(List.of(
        score("r1", "u1", "t1", "10:00", 0.9, 0.8),
        score("r1", "u1", "t2", "10:00", 0.2, 0.3),
        score("r2", "u2", "t1", "11:00", 0.6, 0.5),
        score("r0", "u2", "t2", "09:00", 0.1, 0.1),
        score("r2", "u2", "t2", "11:00", 0.7, 0.4),
        score("r3", "u3", "t3", "12:00", 0.5, 0.5)), SCORES)
        .write().format("delta").partitionBy("request_date").save(path("scores"));
    spark.createDataFrame(List.of(
        impression("u1", "t1", "10:05", "10:06"),
        impression("u1", "t2", "10:06", null),
        impression("u2", "t1", "11:30", "11:31"),
        impression("u2", "t2", "11:10", null), // answers r2 (11:00), not r0 (09:00)
        impression("u3", "t3", "11:59", "12:00"), // before its request: answers nothing
        impression("u4", "t4", "13:00", "13:01")), ENGAGEMENTS) // never scored
        .write().format("delta").save(path("engagements"));
    LiveMetrics live = new LiveMetrics(spark, path("scores"), path("engagements"), path("live"), List.of("like"));

    List<LiveMetric> metrics = live.compute(DAY);
    live.compute(DAY); // recomputed: the day is replaced, not appended

    assertEquals(BinaryMetrics.of(new double[] {0.9, 0.2, 0.6, 0.7}, new int[] {1, 0, 1, 0}),
        find(metrics, Optional.empty(), "champion").metrics());
    assertEquals(BinaryMetrics.of(new double[] {0.8, 0.3, 0.5, 0.4}, new int[] {1, 0, 1, 0}),
        find(metrics, Optional.empty(), "shadow").metrics());
    assertEquals(BinaryMetrics.of(new double[] {0.9, 0.2}, new int[] {1, 0}),
        find(metrics, Optional.of(at("10:00")), "champion").metrics());
    assertEquals(BinaryMetrics.of(new double[] {0.6, 0.7}, new int[] {1, 0}),
        find(metrics, Optional.of(at("11:00")), "champion").metrics());
    assertEquals("v-champion", find(metrics, Optional.empty(), "champion").version());
    assertEquals("v-shadow", find(metrics, Optional.empty(), "shadow").version());
    assertEquals(6, metrics.size(), "day, 10:00 and 11:00 for each role: " + metrics);
    assertEquals(6, spark.read().format("delta").load(path("live")).count());
    List<LiveMetric> stored = live.storedDays(DAY, DAY);
    assertEquals(2, stored.size());
    assertTrue(stored.stream().allMatch(m -> m.metrics().rows() == 4));
  }

  private static LiveMetric find(List<LiveMetric> metrics, Optional<Instant> hour, String role) {
    return metrics.stream().filter(m -> m.hour().equals(hour) && m.role().equals(role)).findFirst().orElseThrow(
        () -> new AssertionError("no " + role + " metric for " + hour + " in " + metrics));
  }

  private static Row score(String request, String user, String tweet, String time, double p, double shadow) {
    return RowFactory.create(request, user, tweet, Timestamp.from(at(time)), p, map("like", "v-champion"), shadow,
        map("like", "v-shadow"), Date.valueOf(DAY));
  }

  private static Row impression(String user, String tweet, String time, String likedAt) {
    return RowFactory.create(user, tweet, Timestamp.from(at(time)),
        likedAt == null ? null : Timestamp.from(at(likedAt)), Date.valueOf(DAY));
  }

  private static scala.collection.Map<String, String> map(String key, String value) {
    return JavaConverters.mapAsScalaMap(Map.of(key, value));
  }

  private static Instant at(String time) {
    return Instant.parse(DAY + "T" + time + ":00Z");
  }

  private static String path(String table) {
    return lake.resolve(table).toString();
  }
}
