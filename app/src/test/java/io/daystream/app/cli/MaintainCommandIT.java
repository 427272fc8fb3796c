package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.ingestion.backfill.FileBackfill;
import io.daystream.ingestion.backfill.StagedMessage;
import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelLineage;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.StagedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maintain --forget-user} on a real lake: what it deletes and the model versions it lists. */
class MaintainCommandIT {

  private static final LocalDate MARCH_1 = LocalDate.of(2020, 3, 1);
  private static final LocalDate MARCH_2 = LocalDate.of(2020, 3, 2);
  private static final LocalDate MARCH_3 = LocalDate.of(2020, 3, 3);
  private static final LocalDate MARCH_4 = LocalDate.of(2020, 3, 4);

  @TempDir
  Path home;

  /**
   * u1 has rows on March 2 only (a tweet and an engagement with it); u12, whose id starts with
   * u1's, on March 1 and 3. Of four registered versions, those trained on March 2 are listed.
   */
  @Test
  void forgettingAUserListsTheVersionsTrainedOnTheirDaysAndDeletesNone() throws Exception {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    try {
      Lake lake = new Lake(config.lake());
      new FileBackfill(spark, config).load("test", (records, rejects) -> {
        records.accept(tweet("t1", "a1", MARCH_1));
        records.accept(tweet("t2", "u1", MARCH_2));
        records.accept(tweet("t3", "a1", MARCH_3));
        records.accept(engagement("u12", "t1", "a1", MARCH_1));
        records.accept(engagement("u2", "t2", "u1", MARCH_2));
        records.accept(engagement("u12", "t3", "a1", MARCH_3));
        return new DatasetLoader.Summary(6, 0, 0);
      }, "test", "test", MaintainCommandIT::asMessage);
      Quarantine quarantine = new Quarantine(lake.path(LakeTable.QUARANTINE));
      quarantine.createIfMissing(spark);
      spark.createDataFrame(List.of(
              quarantined("u1|t9", "\u0000garbage", "names u1"),
              quarantined(null, "{\"engaging_user_id\":\"u12\",\"tweet_id\":\"t9\"}", "names u12")),
          Quarantine.SCHEMA).write().format("delta").mode("append").save(quarantine.path());
      ModelRegistry registry = new ModelRegistry(spark, lake);
      register(registry, 1, MARCH_1, MARCH_1, MARCH_2);
      register(registry, 1, MARCH_2, MARCH_2, MARCH_3);
      register(registry, 1, MARCH_3, MARCH_3, MARCH_4);
      register(registry, 3, MARCH_1, MARCH_3, MARCH_4);

      MainTest.Run run = MainTest.run("maintain", "--home", home.toString(), "--set", "spark.master=local[2]",
          "--forget-user", "u1", "--no-optimize", "--no-vacuum");

      assertEquals(0, run.code(), run.err());
      List<String> lines = run.out().lines().toList();
      assertTrue(lines.contains("forget u1: 1 rows deleted from bronze/tweets"), run.out());
      assertTrue(lines.contains("forget u1: 1 rows deleted from bronze/engagements"), run.out());
      assertTrue(lines.contains("forget u1: 1 rows deleted from bronze/quarantine"), run.out());
      assertTrue(lines.contains("forget u1: bronze rows on 1 days, 2020-03-02 to 2020-03-02"), run.out());
      assertTrue(lines.contains("forget u1: 2 model versions trained on those days (retrain or retire them)"),
          run.out());
      assertEquals(Set.of(
              "forget u1: model engagement-like-w1-2020-03-03-r1 trained on 2020-03-02 to 2020-03-02, 1 of those days",
              "forget u1: model engagement-like-w3-2020-03-04-r1 trained on 2020-03-01 to 2020-03-03, 1 of those days"),
          lines.stream().filter(line -> line.startsWith("forget u1: model ")).collect(Collectors.toSet()));
    } finally {
      spark.stop();
    }
    SparkSession after = SparkSessionFactory.getOrCreate(config.spark());
    try {
      Lake lake = new Lake(config.lake());
      assertEquals(4, after.read().format("delta").load(lake.path(LakeTable.MODEL_REGISTRY)).count(),
          "no version is deleted");
      assertEquals(List.of("names u12"), after.read().format("delta").load(lake.path(LakeTable.QUARANTINE))
          .select("reason").as(Encoders.STRING()).collectAsList());
      assertEquals(2, after.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS)).count(), "u12's stay");
    } finally {
      after.stop();
    }
  }

  private static Tweet tweet(String id, String author, LocalDate day) {
    return new Tweet(id, author, "text of " + id, "en", List.of(), List.of(), List.of(), at(day, 8), 0L, 0L, 0L, 0L);
  }

  private static Engagement engagement(String user, String tweet, String author, LocalDate day) {
    return new Engagement(user, tweet, author, 10, 10, false, 5, 5, false, false, at(day, 10), null, null, null,
        null, null);
  }

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  /** A registered version whose model files are a placeholder: only its training days matter here. */
  private static void register(ModelRegistry registry, int windowDays, LocalDate first, LocalDate last,
      LocalDate evaluation) throws IOException {
    StagedModel staged = registry.stage(new ModelLineage("engagement", "like", windowDays, first, last, evaluation,
        Map.of(), "test", "lr", Map.of(), 0, 10, 5), "test");
    Files.createDirectories(Path.of(staged.stagingPath()));
    Files.writeString(Path.of(staged.stagingPath(), "model"), "placeholder");
    registry.register(staged, Duration.ZERO,
        new ModelEvaluation(5, 1, Map.of(ModelEvaluation.RCE, 1.0, ModelEvaluation.LOG_LOSS, 0.4)));
  }

  private static Row quarantined(String key, String value, String reason) {
    return RowFactory.create("engagements", "kafka", "engagements", 0, 1L, null, null,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), reason,
        Timestamp.from(Instant.now()));
  }

  private static List<StagedMessage> asMessage(Object record) {
    if (record instanceof Tweet tweet) {
      return List.of(new StagedMessage(IngestedStream.TWEETS, RecordJson.of(tweet)));
    }
    return List.of(new StagedMessage(IngestedStream.ENGAGEMENTS, RecordJson.of((Engagement) record)));
  }
}
