package io.daystream.app.demo;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daystream.app.cli.ExitCodes;
import io.daystream.app.cli.MainTest;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.WindowResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's whole loop on tiny data with every real part: embedded KRaft broker, Structured
 * Streaming, Delta tables, Spark NLP, MLlib. Run twice on one home, it must leave the same tables.
 */
class DemoPipelineIT {

  private static final int DAYS = 5;
  private static final int TWEETS_PER_DAY = 40;
  private static final int IMPRESSIONS_PER_DAY = 400;
  private static final int USERS = 80;
  private static final int NEW_TWEETS = 6;
  private static final int TOP_N = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  @Test
  void theLoopFillsEveryTableAndARerunAddsNothing() throws Exception {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home,
        "spark.master=local[2]",
        "demo.days=" + DAYS, "demo.users=" + USERS, "demo.authors=8",
        "demo.tweets-per-day=" + TWEETS_PER_DAY, "demo.impressions-per-day=" + IMPRESSIONS_PER_DAY,
        "demo.windows=[2,4]", "demo.new-tweets=" + NEW_TWEETS,
        "scoring.top-n=" + TOP_N, "scoring.trigger=1s",
        // The mechanics are under test here, not model quality: any RCE may become champion.
        "promotion.min-rce=-1000",
        // The re-run trains new versions on the same data; their RCE equals the champion's up to
        // float noise (seen: "beats ... by 0.000"), which must not count as a win.
        "promotion.min-rce-gain=0.001");

    // One runtime for both runs: Spark NLP keeps the first SparkSession of a JVM, so a stopped
    // session cannot be replaced in the same process. The second run still starts from disk only.
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      runTwice(runtime, config);
    }
    retrainCommandOnTheDemosLake();
  }

  /**
   * {@code daystream retrain} on the lake the demo filled: a two-day backfill, then the same
   * range again (reused, nothing added), then a day whose features were never materialized.
   */
  private void retrainCommandOnTheDemosLake() throws Exception {
    LocalDate lastDay = config().demo().startDate().plusDays(DAYS - 1L);
    String from = lastDay.minusDays(1).toString();
    String to = lastDay.toString();

    MainTest.Run backfill = retrain("--from", from, "--to", to, "--windows", "1,2", "--heads", "like", "--json");

    assertEquals(0, backfill.code(), backfill.err());
    JsonNode days = JSON.readTree(backfill.out()).get("days");
    assertEquals(2, days.size());
    for (JsonNode day : days) {
      assertEquals("trained", day.get("status").asText(), day.toString());
      JsonNode like = day.get("heads").get(0);
      assertEquals("like", like.get("head").asText());
      assertEquals(List.of(1, 2), List.of(like.get("models").get(0).get("window").asInt(),
          like.get("models").get(1).get("window").asInt()));
      assertEquals(IMPRESSIONS_PER_DAY, like.get("models").get(0).get("train_rows").asInt(), "one day of examples");
      assertEquals(IMPRESSIONS_PER_DAY, like.get("models").get(0).get("rows").asInt(), "judged on day D");
      assertTrue(like.get("oracle").get("rce").asDouble() > 0, like.toString());
    }
    MainTest.Run listed = MainTest.run("registry", "list", "--task", "engagement", "--json", "--home", home.toString(),
        "--set", "spark.master=local[2]");
    int versions = JSON.readTree(listed.out()).size();

    MainTest.Run again = retrain("--from", from, "--to", to, "--windows", "2,1", "--heads", "like");

    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains(to + ": already retrained with these settings; reused"), again.out());
    MainTest.Run listedAgain = MainTest.run("registry", "list", "--task", "engagement", "--json", "--home",
        home.toString(), "--set", "spark.master=local[2]");
    assertEquals(versions, JSON.readTree(listedAgain.out()).size(), "a rerun of finished days adds no version");

    // The experiment reuses those retrains; the report draws them.
    MainTest.Run windows = command("experiment", "windows", "--task", "engagement", "--from", from, "--to", to,
        "--windows", "1,2", "--heads", "like", "--json");
    assertEquals(0, windows.code(), windows.err());
    JsonNode rows = JSON.readTree(windows.out()).get("windows");
    assertEquals(2, rows.size(), windows.out());
    assertEquals(2, rows.get(0).get("days").asInt());
    assertEquals(2, rows.get(0).get("wins").asInt() + rows.get(1).get("wins").asInt(), "one winner a day");
    assertEquals(versions, JSON.readTree(command("registry", "list", "--task", "engagement", "--json").out()).size(),
        "the experiment reused the finished days");

    MainTest.Run report = command("report", "--from", from, "--to", to, "--heads", "like");
    assertEquals(0, report.code(), report.err());
    String page = Files.readString(Path.of(report.out().lines().findFirst().orElseThrow()
        .replace("Report: ", "").replace("file:", "")));
    assertTrue(page.split("data:image/png;base64,").length - 1 >= 3, "RCE over time, champion timeline, calibration");
    assertTrue(page.contains("1-day window") && page.contains("oracle"), "both windows' series and the oracle");

    MainTest.Run unmaterialized = retrain("--date", lastDay.plusDays(1).toString(), "--windows", "1");
    assertEquals(ExitCodes.USAGE, unmaterialized.code(), unmaterialized.out());
    assertTrue(unmaterialized.err().contains("run `daystream features --task engagement --from "), unmaterialized.err());
  }

  private MainTest.Run command(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--home", home.toString(), "--set", "spark.master=local[2]"));
    return MainTest.run(all.toArray(String[]::new));
  }

  private MainTest.Run retrain(String... args) {
    List<String> all = new ArrayList<>(List.of("retrain", "--task", "engagement"));
    all.addAll(List.of(args));
    all.addAll(List.of("--home", home.toString(), "--set", "spark.master=local[2]"));
    return MainTest.run(all.toArray(String[]::new));
  }

  private DaystreamConfig config() {
    return ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
  }

  private static void runTwice(DaystreamRuntime runtime, DaystreamConfig config) throws Exception {
    SparkSession spark = runtime.spark();
    Lake lake = new Lake(config.lake());
    DemoSummary first = new DemoPipeline(runtime).run();
    Map<String, Long> countsAfterFirst = tableCounts(spark, lake);

    assertEquals(DAYS * TWEETS_PER_DAY + NEW_TWEETS, countsAfterFirst.get("tweets"), "history and new tweets");
    assertEquals(DAYS * IMPRESSIONS_PER_DAY, countsAfterFirst.get("engagements"));
    assertEquals(DAYS * IMPRESSIONS_PER_DAY, countsAfterFirst.get("engagement_examples"),
        "every impression of every day became one example of the gold table");
    assertEquals(2, countsAfterFirst.get("registry"), "one model per window");
    assertEquals(1, countsAfterFirst.get("promotions"), "the first champion");

    HeadOutcome like = first.retrain().heads().get(0);
    assertEquals(List.of(2, 4), like.windows().stream().map(r -> r.window().days()).toList());
    WindowResult best = like.bestChallenger().orElseThrow();
    for (WindowResult result : like.windows()) {
      assertEquals(IMPRESSIONS_PER_DAY, result.metrics().rows(), "evaluated on the whole last day");
      assertTrue(result.metrics().rce().getAsDouble() <= best.metrics().rce().getAsDouble());
    }
    assertEquals(best.version(), like.champion().orElseThrow(), "the best window is champion");
    assertTrue(like.oracle().isPresent() && like.oracle().get().rce().getAsDouble() > 0,
        "the true probabilities beat the straw man");
    assertTrue(Files.readString(Path.of(first.reportPath().replace("file:", ""))).contains(best.version()));

    assertScoresNameTheChampion(spark, lake, best.version());
    assertEquals(NEW_TWEETS, first.scoring().tweets());
    assertEquals(List.of(best.version()), first.scoring().modelVersions());

    DemoSummary second = new DemoPipeline(runtime).run();
    Map<String, Long> countsAfterSecond = tableCounts(spark, lake);
    // A re-run registers new versions (ids are never reused, served files never rewritten); the
    // same data gives the same RCE, which does not beat the champion, so nothing else changes.
    assertEquals(4, countsAfterSecond.remove("registry"), "the re-run's two models are new versions");
    countsAfterFirst.remove("registry");
    assertEquals(countsAfterFirst, countsAfterSecond, "a second run writes no duplicate rows");
    assertEquals(best.version(), second.retrain().heads().get(0).champion().orElseThrow());
    assertEquals(first.scoring().scoredRows(), second.scoring().scoredRows());
  }

  private static void assertScoresNameTheChampion(SparkSession spark, Lake lake, String champion) {
    {
      Dataset<Row> scores = spark.read().format("delta").load(lake.path(LakeTable.SCORES));
      assertTrue(scores.count() > 0, "new tweets were scored");
      assertEquals(0, scores.where(col("model_versions").getItem(DemoPipeline.HEAD).notEqual(champion)
              .or(col("model_versions").getItem(DemoPipeline.HEAD).isNull())).count(),
          "every score names the model version that produced it");
      assertEquals(0, scores.where(col("p_like").lt(0).or(col("p_like").gt(1)).or(col("p_like").isNull())).count());
      assertEquals(0, scores.where(col("p_reply").isNotNull()).count(), "a head without a champion has no score");
      assertEquals(0, scores.where(col("engaging_user_id").equalTo(col("author_id"))).count(),
          "nobody is recommended their own tweet");

      Dataset<Row> topN = spark.read().format("delta").load(lake.path(LakeTable.TOP_N));
      List<Row> perUser = topN.groupBy("request_id").agg(
          org.apache.spark.sql.functions.count("*").as("n"),
          org.apache.spark.sql.functions.max("rank").as("max_rank")).collectAsList();
      assertTrue(!perUser.isEmpty());
      for (Row user : perUser) {
        assertTrue(user.getLong(1) <= TOP_N, "at most top-n per request");
        assertEquals(user.getLong(1), (long) user.getInt(2), "ranks are 1..n without gaps");
      }
      // Each request's top tweet is the highest-scored of all its candidates.
      Row mismatch = topN.where(col("rank").equalTo(1)).as("t")
          .join(scores.groupBy("request_id").agg(org.apache.spark.sql.functions.max("score").as("best")).as("s"),
              "request_id")
          .where(col("t.score").notEqual(col("s.best")))
          .limit(1).collectAsList().stream().findFirst().orElse(null);
      assertEquals(null, mismatch, "rank 1 holds the request's best score");
    }
  }

  private static Map<String, Long> tableCounts(SparkSession spark, Lake lake) {
    {
      Map<String, Long> counts = new TreeMap<>();
      counts.put("tweets", count(spark, lake, LakeTable.TWEETS));
      counts.put("engagements", count(spark, lake, LakeTable.ENGAGEMENTS));
      counts.put("engagement_examples", count(spark, lake, LakeTable.ENGAGEMENT_EXAMPLES));
      counts.put("registry", count(spark, lake, LakeTable.MODEL_REGISTRY));
      counts.put("promotions", count(spark, lake, LakeTable.PROMOTIONS));
      counts.put("scores", count(spark, lake, LakeTable.SCORES));
      counts.put("top_n", count(spark, lake, LakeTable.TOP_N));
      return counts;
    }
  }

  private static long count(SparkSession spark, Lake lake, LakeTable table) {
    return spark.read().format("delta").load(lake.path(table)).count();
  }
}
