package io.daystream.ingestion.maintenance;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.ingestion.backfill.FileBackfill;
import io.daystream.ingestion.backfill.StagedMessage;
import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.ingestion.stream.IngestedStream;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletion requests, the quarantine's included, and compaction on real Delta tables. */
class LakeMaintenanceIT {

  /** Position of the reason in a {@link Quarantine#SCHEMA} row. */
  private static final int REASON = Quarantine.SCHEMA.fieldIndex("reason");

  @TempDir
  Path home;

  @Test
  void aForgottenUserIsGoneFromEveryTableAndTheQuarantineAndNothingElseIs() throws Exception {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    try {
      Lake lake = new Lake(config.lake());
      EngagementSimulator simulator = new EngagementSimulator(SimulationSettings.defaults().withDays(2)
          .withPopulation(60, 10).withVolume(40, 500));
      new FileBackfill(spark, config).load("synthetic", (records, rejects) -> {
        for (int day = 0; day < 2; day++) {
          simulator.tweets(day).forEach(records);
          simulator.forEachEngagement(day, records);
        }
        return new DatasetLoader.Summary(0, 0, 0);
      }, "test", "test", LakeMaintenanceIT::asMessage);
      Dataset<Row> engagements = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS));
      String user = engagements.groupBy("engaging_user_id").count().orderBy(col("count").desc()).first().getString(0);
      String author = "a0";
      long engagementsBefore = engagements.count();
      long ofUser = engagements.where(col("engaging_user_id").equalTo(user).or(col("author_id").equalTo(user))).count();
      assertTrue(ofUser > 0);
      Set<LocalDate> userDays = new TreeSet<>();
      engagements.where(col("engaging_user_id").equalTo(user).or(col("author_id").equalTo(user)))
          .select("event_date").collectAsList().forEach(r -> userDays.add(r.getDate(0).toLocalDate()));
      spark.read().format("delta").load(lake.path(LakeTable.TWEETS)).where(col("author_id").equalTo(user))
          .select("event_date").collectAsList().forEach(r -> userDays.add(r.getDate(0).toLocalDate()));
      Quarantine quarantine = new Quarantine(lake.path(LakeTable.QUARANTINE));
      quarantine.createIfMissing(spark);
      assertEquals(0, spark.read().format("delta").load(quarantine.path()).count(), "the simulation is all valid");
      List<Row> quarantined = quarantineNaming(user);
      spark.createDataFrame(quarantined, Quarantine.SCHEMA).write().format("delta").mode("append")
          .save(quarantine.path());
      long quarantineVersion = DeltaTable.forPath(spark, quarantine.path()).history(1).first().<Long>getAs("version");

      ForgottenUser forgotten = new LakeMaintenance(spark, lake).forgetUser(user);
      Map<LakeTable, Long> deleted = forgotten.deletedRows();

      long named = quarantined.stream().filter(r -> r.getString(REASON).startsWith("names")).count();
      assertEquals(named, deleted.get(LakeTable.QUARANTINE), "every quarantined message naming the user, no other");
      assertEquals(Set.of("keeps: decoy parsed", "keeps: decoy bytes", "keeps: decoy key", "keeps: prefix and suffix",
              "keeps: mentioned in a parsed tweet", "keeps: no key, no value"),
          new TreeSet<>(spark.read().format("delta").load(quarantine.path()).select("reason").as(Encoders.STRING())
              .collectAsList()), "exactly the messages naming someone else stay");
      Row quarantineCommit = DeltaTable.forPath(spark, quarantine.path()).history(1).first();
      assertEquals("DELETE", quarantineCommit.getAs("operation"));
      assertEquals(quarantineVersion + 1, quarantineCommit.<Long>getAs("version"), "one commit on the quarantine");
      assertEquals(userDays, forgotten.eventDays(), "the user's days, found before the deletion");
      assertTrue(forgotten.eventDays().size() >= 1);

      assertEquals(ofUser, deleted.get(LakeTable.ENGAGEMENTS));
      Dataset<Row> after = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS));
      assertEquals(0, after.where(col("engaging_user_id").equalTo(user)).count());
      assertEquals(engagementsBefore - ofUser, after.count(), "nobody else's rows deleted");
      assertEquals("DELETE", DeltaTable.forPath(spark, lake.path(LakeTable.ENGAGEMENTS)).history(1)
          .select("operation").first().getString(0), "the deletion shows in the table's history");

      long tweetsOfAuthor = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
          .where(col("author_id").equalTo(author)).count();
      assertTrue(tweetsOfAuthor > 0);
      new LakeMaintenance(spark, lake).forgetUser(author);
      assertEquals(0, spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
          .where(col("author_id").equalTo(author)).count(), "an author's tweets go too");

      LakeMaintenance maintenance = new LakeMaintenance(spark, lake);
      assertThrows(IllegalArgumentException.class, () -> maintenance.vacuum(List.of(LakeTable.TWEETS), 1));
      Dataset<Row> beforeOptimize = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS));
      long rows = beforeOptimize.count();
      long days = beforeOptimize.select("event_date").distinct().count();
      maintenance.optimize(List.of(LakeTable.TWEETS, LakeTable.ENGAGEMENTS));
      Dataset<Row> optimized = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS));
      assertEquals(rows, optimized.count(), "compaction keeps every row");
      assertEquals(days, optimized.inputFiles().length, "one file per day partition after compaction");
    } finally {
      spark.stop();
    }
  }

  /**
   * Quarantined messages of every shape, their reason saying whether they name {@code user}: the
   * user as {@code user} and the decoy {@code user + "2"}, whose id starts with the user's.
   */
  private static List<Row> quarantineNaming(String user) {
    String decoy = user + "2";
    List<Row> rows = new ArrayList<>();
    rows.add(quarantined("engagements", null,
        "{\"engaging_user_id\":\"" + user + "\",\"tweet_id\":\"t1\",\"author_id\":\"a9\","
            + "\"impression_at\":\"2020-02-30T10:00:00Z\"}", "names: parsed engaging user"));
    rows.add(quarantined("tweets", "t77",
        "{\"tweet_id\":\"t77\",\"author_id\":\"" + user + "\",\"created_at\":\"soon\"}", "names: parsed author"));
    rows.add(quarantined("engagements", null,
        "{\"engaging_user_id\":{\"id\":\"" + user + "\"},\"tweet_id\":\"t1\"}", "names: mistyped field"));
    rows.add(quarantined("requests", null, "{\"user_id\":\"" + user + "\",\"n\":10}", "names: request"));
    rows.add(quarantined("engagements", null, "{\"engaging_user_id\":\"" + user + "\",\"tweet_id\":",
        "names: truncated JSON"));
    rows.add(quarantined("recsys", null, "t5\t" + user + "\t1581465600\t\t", "names: a loader's TSV line"));
    rows.add(quarantined("engagements", user + "|t5", "not json", "names: key only"));
    byte[] invalidUtf8 = concat(new byte[] {(byte) 0xff, (byte) 0xfe, ' '}, user.getBytes(StandardCharsets.UTF_8),
        new byte[] {' ', (byte) 0xc3});
    rows.add(RowFactory.create("engagements", "kafka", "engagements", 0, 9L, null, null, null, invalidUtf8,
        "names: invalid UTF-8", Timestamp.from(Instant.now())));

    rows.add(quarantined("engagements", decoy + "|t5",
        "{\"engaging_user_id\":\"" + decoy + "\",\"tweet_id\":\"t5\"}", "keeps: decoy parsed"));
    rows.add(quarantined("engagements", null, "{\"engaging_user_id\":\"" + decoy + "\",",
        "keeps: decoy bytes"));
    rows.add(quarantined("engagements", decoy + "|t6", "garbage", "keeps: decoy key"));
    rows.add(quarantined("engagements", null, "x" + user + " " + user + "_b " + user + "-2", "keeps: prefix and suffix"));
    rows.add(quarantined("tweets", "t78", "{\"tweet_id\":\"t78\",\"author_id\":\"" + decoy + "\",\"text\":\"hi @"
        + user + "\",\"mentions\":[\"" + user + "\"]}", "keeps: mentioned in a parsed tweet"));
    rows.add(quarantined("engagements", null, null, "keeps: no key, no value"));
    return rows;
  }

  private static Row quarantined(String stream, String key, String value, String reason) {
    return RowFactory.create(stream, "kafka", stream, 0, 1L, null, null,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value == null ? null : value.getBytes(StandardCharsets.UTF_8), reason, Timestamp.from(Instant.now()));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }

  private static List<StagedMessage> asMessage(Object record) {
    if (record instanceof Tweet tweet) {
      return List.of(new StagedMessage(IngestedStream.TWEETS, RecordJson.of(tweet)));
    }
    return List.of(new StagedMessage(IngestedStream.ENGAGEMENTS, RecordJson.of((Engagement) record)));
  }
}
