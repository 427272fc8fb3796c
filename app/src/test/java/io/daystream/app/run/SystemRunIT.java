package io.daystream.app.run;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.replay.SyntheticStreamProducer;
import io.daystream.datasets.replay.TopicProducer;
import io.daystream.datasets.schema.Tweet;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.scoring.request.ScoreRequest;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daystream run} as one process on a real broker: four generated days produced onto Kafka
 * while it runs are ingested, each completed day gets its features and its retraining by itself,
 * the score job starts once a champion exists and serves a request, and a stop request ends it.
 */
class SystemRunIT {

  private static final LocalDate START = LocalDate.parse("2020-03-01");
  private static final Duration PATIENCE = Duration.ofMinutes(12);

  @TempDir
  Path home;

  @Test
  void completedDaysAreRetrainedByThemselvesAndTheScorerStartsWithTheFirstChampion() throws Exception {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]",
        "training.windows=[1,2]", "training.heads=[like]", "promotion.min-rce=-1000",
        "run.poll-interval=1s", "run.stop-patience=30s", "scoring.trigger=1s");
    EngagementSimulator simulator = new EngagementSimulator(
        new SimulationSettings(7L, START, 5, 30, 6, 4, 30, 300, 0.15));
    Map<LocalDate, String> days = new ConcurrentHashMap<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    boolean stopped;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      // Topics first: a producer racing the topics' creation gets out-of-order sequence errors.
      runtime.kafka().ensureTopics(List.of(config.kafka().topics().tweets(), config.kafka().topics().engagements(),
          config.kafka().topics().requests()));
      SystemRun system = new SystemRun(runtime, day -> days.put(day.day(), day.status()));
      Thread running = new Thread(() -> {
        try {
          system.run();
        } catch (Throwable e) {
          failure.set(e);
        }
      }, "daystream-run");
      running.start();
      String servers = runtime.kafka().bootstrapServers();
      try (TopicProducer producer = new TopicProducer(servers, config.kafka().clientProperties())) {
        new SyntheticStreamProducer(simulator, producer, config.kafka().topics().tweets(),
            config.kafka().topics().engagements()).produceDays(0, 3);

        // Day 4's events close day 3: days 2 and 3 are complete; day 1 has no history to train on.
        await(() -> days.containsKey(START.plusDays(2)) || failure.get() != null, "days 2 and 3 retrained");
        assertEquals(null, failure.get());
        assertEquals(Map.of(START.plusDays(1), "trained", START.plusDays(2), "trained"), days,
            "each complete day retrained once, by itself");

        SparkSession spark = runtime.spark();
        Lake lake = new Lake(config.lake());
        ModelRegistry registry = new ModelRegistry(spark, lake);
        assertTrue(registry.champion(EngagementTask.NAME, "like").version().isPresent(), "a champion was promoted");
        assertTrue(registry.history(EngagementTask.NAME, "like").size() >= 1);

        List<String> tweets = simulator.tweets(3).stream().limit(5).map(Tweet::tweetId).toList();
        producer.send(config.kafka().topics().requests(), "run-1", ScoreRequest.json("run-1",
            simulator.userIds().get(0), tweets, START.plusDays(3).atTime(18, 0).toInstant(ZoneOffset.UTC)));
        producer.flush();
        await(() -> scored(spark, lake, "run-1") || failure.get() != null, "the request scored");
        assertEquals(null, failure.get());
        assertEquals(5, spark.read().format("delta").load(lake.path(LakeTable.SCORES))
            .where(col("request_id").equalTo("run-1")).count());
      } finally {
        system.requestStop();
        stopped = system.awaitStopped(Duration.ofMinutes(2));
        running.join(Duration.ofSeconds(30).toMillis());
      }
      assertTrue(stopped, "stopped after its running batches");
      assertEquals(null, failure.get());
    }
  }

  private static boolean scored(SparkSession spark, Lake lake, String requestId) {
    String path = lake.path(LakeTable.SCORES);
    return DeltaTables.exists(spark, path)
        && spark.read().format("delta").load(path).where(col("request_id").equalTo(requestId)).count() > 0;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(1000);
    }
  }
}
