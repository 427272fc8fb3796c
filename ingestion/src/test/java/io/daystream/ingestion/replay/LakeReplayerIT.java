package io.daystream.ingestion.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.KafkaEndpoint;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.ingestion.backfill.FileBackfill;
import io.daystream.ingestion.backfill.StagedMessage;
import io.daystream.ingestion.job.IngestionJob;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lake → Kafka → lake on real parts: nothing lost, nothing twice, every damaged message quarantined. */
class LakeReplayerIT {

  @TempDir
  Path source;

  @TempDir
  Path target;

  @Test
  void aReplayedTableArrivesWholeAndTheDamagedMessagesAreQuarantined() throws Exception {
    DaystreamConfig sourceConfig = ConfigLoader.defaultsWithHome(source, "spark.master=local[2]");
    try (KafkaEndpoint kafka = KafkaEndpoint.open(sourceConfig.kafka())) {
      SparkSession spark = SparkSessionFactory.getOrCreate(sourceConfig.spark());
      try {
        String topic = sourceConfig.kafka().topics().tweets();
        kafka.ensureTopics(List.of(topic));
        EngagementSimulator simulator = new EngagementSimulator(SimulationSettings.defaults().withDays(3)
            .withVolume(100, 0));
        new FileBackfill(spark, sourceConfig).load("synthetic", (records, rejects) -> {
          for (int day = 0; day < 3; day++) {
            simulator.tweets(day).forEach(records);
          }
          return new DatasetLoader.Summary(300, 0, 0);
        }, "test", "test", (Tweet t) -> List.of(new StagedMessage(IngestedStream.TWEETS, RecordJson.of(t))));

        // A fifth: enough for every kind of damage to occur among 300 messages.
        MalformedMessages damage = new MalformedMessages(0.2, 7, "tweet_id", "created_at", Optional.of("text"));
        LakeReplayer.Sent sent = new LakeReplayer(spark, new Lake(sourceConfig.lake()), kafka.bootstrapServers(),
            sourceConfig.kafka().clientProperties()).replay(IngestedStream.TWEETS, topic, Optional.empty(), damage);
        assertEquals(300, sent.messages());
        assertTrue(sent.damaged() + sent.duplicates() > 30 && sent.damaged() + sent.duplicates() < 90,
            "about a fifth damaged or re-sent: " + sent);

        DaystreamConfig targetConfig = ConfigLoader.defaultsWithHome(target, "spark.master=local[2]",
            "kafka.bootstrap-servers=" + kafka.bootstrapServers());
        try (IngestionJob job = new IngestionJob(spark, targetConfig, kafka.bootstrapServers(),
            List.of(IngestedStream.TWEETS), Optional.empty())) {
          job.start();
          job.awaitTermination();
        }

        Dataset<Row> original = spark.read().format("delta").load(new Lake(sourceConfig.lake()).path(LakeTable.TWEETS))
            .select("tweet_id", "author_id", "raw_text", "created_at");
        Dataset<Row> arrived = spark.read().format("delta").load(new Lake(targetConfig.lake()).path(LakeTable.TWEETS))
            .select("tweet_id", "author_id", "raw_text", "created_at");
        long quarantined = spark.read().format("delta").load(new Lake(targetConfig.lake()).path(LakeTable.QUARANTINE))
            .count();
        assertEquals(sent.damaged(), quarantined, "every damaged message quarantined, once: "
            + spark.read().format("delta").load(new Lake(targetConfig.lake()).path(LakeTable.QUARANTINE))
                .groupBy("reason").count().collectAsList());
        assertTrue(sent.duplicates() > 0, "some messages were delivered twice");
        List<String> reasons = spark.read().format("delta").load(new Lake(targetConfig.lake()).path(LakeTable.QUARANTINE))
            .select("reason").distinct().as(Encoders.STRING()).collectAsList();
        for (String expected : List.of("created_at: 'soon' is not a valid timestamp", "missing tweet_id",
            "message is not valid UTF-8", "created_at is in the future")) {
          assertTrue(reasons.contains(expected), "a quarantined message says '" + expected + "': " + reasons);
        }
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("malformed JSON")), "truncated: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("text longer than")), "oversized: " + reasons);
        assertEquals(300 - sent.damaged(), arrived.count(), "every undamaged message arrived, once");
        assertEquals(0, arrived.except(original).count(), "what arrived is what was sent, field for field");
      } finally {
        spark.stop();
      }
    }
  }
}
