package io.daystream.app.scoring;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daystream.app.cli.MainTest;
import io.daystream.app.run.SystemRun;
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
import io.daystream.features.history.CandidateExamples;
import io.daystream.scoring.candidates.CandidateFeatures;
import io.daystream.scoring.champion.ServingModels;
import io.daystream.scoring.job.ScoreJob;
import io.daystream.scoring.job.ScoreJobs;
import io.daystream.scoring.request.ScoreRequest;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.VersionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daystream run} and then the score job, on one world built the way a user builds it: four
 * generated days produced onto a real broker while {@code run} runs are ingested, each completed
 * day gets its features and its retraining by itself, the score job starts with the first
 * champion and serves a request, and a stop request ends the run. The score job is then checked
 * on that world: requests in, scores, top N and recommendations out; promotions and rollbacks
 * served mid-stream; a crash replayed without duplicates; cold start; poison requests. Building a
 * world costs minutes, so both share it, and the fixture serves one batch of mixed requests
 * (good, cold, poison) once for the tests to read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoreJobIT {

  private static final LocalDate START = LocalDate.parse("2020-03-01");
  /** Days produced while {@code run} runs; the last one only closes the one before. */
  private static final int PRODUCED_DAYS = 4;
  private static final Duration PATIENCE = Duration.ofMinutes(12);
  private static final int NEW_TWEETS = 6;
  private static final int TOP_N = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path home;

  private DaystreamRuntime runtime;
  private DaystreamConfig config;
  private SparkSession spark;
  private Lake lake;
  private ModelRegistry registry;
  private String champion;
  private String other;
  private List<String> newTweets;
  private List<String> users;
  /** What the run did: the days its daily job finished, its failure, whether it stopped. */
  private final Map<LocalDate, String> retrainedDays = new ConcurrentHashMap<>();
  private final AtomicReference<Throwable> runFailure = new AtomicReference<>();
  private boolean runStopped;
  private String championDuringRun;

  @BeforeAll
  void runTheSystemThenServeOneBatchOfMixedRequests() throws Exception {
    config = ConfigLoader.defaultsWithHome(home, settings());
    runtime = new DaystreamRuntime(config);
    spark = runtime.spark();
    lake = new Lake(config.lake());
    registry = new ModelRegistry(spark, lake);
    EngagementSimulator simulator = new EngagementSimulator(
        new SimulationSettings(7L, START, PRODUCED_DAYS + 1, 30, 6, 4, 30, 300, 0.15));
    runTheSystem(simulator);

    champion = registry.champion(EngagementTask.NAME, "like").version().orElseThrow();
    other = registry.list(Optional.of(EngagementTask.NAME), Optional.of("like")).stream()
        .filter(v -> v.status() == VersionStatus.REGISTERED).map(ModelVersion::version)
        .filter(v -> !v.equals(champion)).findFirst().orElseThrow();
    // The last produced day's tweets are the newest the lake knows; its users have a history.
    newTweets = simulator.tweets(PRODUCED_DAYS - 1).stream().limit(NEW_TWEETS).map(Tweet::tweetId).sorted().toList();
    users = simulator.userIds().subList(0, 3);

    try (TopicProducer producer = producer()) {
      String topic = config.kafka().topics().requests();
      producer.send(topic, "p1", "not json at all");
      producer.send(topic, "p2", "{\"request_id\": \"poison-2\", \"user_id\": \"u\"}");
      producer.send(topic, "p3", "{\"request_id\": \"poison-3\", \"user_id\": \"u\", \"tweet_ids\": [], "
          + "\"requested_at\": \"2020-03-05T12:00:00Z\"}");
      producer.send(topic, "p4", "{\"request_id\": \"poison-4\", \"user_id\": \"u\", \"tweet_ids\": [\"t1\"], "
          + "\"requested_at\": \"yesterday\"}");
      List<String> coldCandidates = List.of(newTweets.get(0), "no-such-tweet");
      producer.send(topic, "cold-1", ScoreRequest.json("cold-1", "nobody-1", coldCandidates, requestedAt()));
      producer.send(topic, "cold-2", ScoreRequest.json("cold-2", "nobody-2", coldCandidates, requestedAt()));
      producer.send(topic, "good", ScoreRequest.json("good", users.get(1), newTweets, requestedAt()));
      producer.flush();
    }
    try (ScoreJob job = ScoreJobs.create(spark, config, servers(), Optional.empty())) {
      job.start();
      job.awaitTermination();
    }
  }

  /**
   * {@code run} in a thread of its own while the days are produced; waits for days 2 and 3 to be
   * retrained and for one request ("run-1") to be scored, then asks it to stop.
   */
  private void runTheSystem(EngagementSimulator simulator) throws Exception {
    // Topics first: a producer racing the topics' creation gets out-of-order sequence errors.
    runtime.kafka().ensureTopics(List.of(config.kafka().topics().tweets(), config.kafka().topics().engagements(),
        config.kafka().topics().requests()));
    SystemRun system = new SystemRun(runtime, day -> retrainedDays.put(day.day(), day.status()));
    Thread running = new Thread(() -> {
      try {
        system.run();
      } catch (Throwable e) {
        runFailure.set(e);
      }
    }, "daystream-run");
    running.start();
    try (TopicProducer producer = producer()) {
      new SyntheticStreamProducer(simulator, producer, config.kafka().topics().tweets(),
          config.kafka().topics().engagements()).produceDays(0, PRODUCED_DAYS - 1);
      // Day 4's events close day 3: days 2 and 3 are complete; day 1 has no history to train on.
      await(() -> retrainedDays.containsKey(START.plusDays(2)) || runFailure.get() != null, "days 2 and 3 retrained");
      championDuringRun = registry.champion(EngagementTask.NAME, "like").version().orElse(null);
      List<String> tweets = simulator.tweets(PRODUCED_DAYS - 1).stream().limit(5).map(Tweet::tweetId).toList();
      producer.send(config.kafka().topics().requests(), "run-1", ScoreRequest.json("run-1",
          simulator.userIds().get(0), tweets, START.plusDays(3).atTime(18, 0).toInstant(ZoneOffset.UTC)));
      producer.flush();
      await(() -> scoredDuringRun("run-1") || runFailure.get() != null, "the request scored");
    } finally {
      system.requestStop();
      runStopped = system.awaitStopped(Duration.ofMinutes(2));
      running.join(Duration.ofSeconds(30).toMillis());
    }
  }

  private boolean scoredDuringRun(String requestId) {
    String path = lake.path(LakeTable.SCORES);
    return DeltaTables.exists(spark, path) && scoresOf(requestId).count() > 0;
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

  @AfterAll
  void closeRuntime() {
    runtime.close();
  }

  @Test
  @Order(0)
  void theRunRetrainedEachCompletedDayByItselfAndTheScorerStartedWithTheFirstChampion() {
    assertEquals(null, runFailure.get());
    assertEquals(new TreeMap<>(Map.of(START.plusDays(1), "trained", START.plusDays(2), "trained")),
        new TreeMap<>(retrainedDays), "each complete day retrained once, by itself");
    assertTrue(championDuringRun != null, "a champion was promoted");
    assertTrue(registry.history(EngagementTask.NAME, "like").size() >= 1);
    assertEquals(5, scoresOf("run-1").count(), "the request sent while it ran was scored");
    assertTrue(runStopped, "stopped after its running batches");
  }

  @Test
  @Order(1)
  void poisonRequestsGoToTheQuarantineAndTheGoodOnesOfTheBatchAreServed() {
    List<Row> quarantined = spark.read().format("delta").load(lake.path(LakeTable.QUARANTINE))
        .where(col("stream").equalTo(ScoreRequest.STREAM_NAME)).orderBy("offset").collectAsList();
    assertEquals(4, quarantined.size(), quarantined.toString());
    for (Row row : quarantined) {
      assertEquals(config.kafka().topics().requests(), row.getAs("topic"));
      assertTrue(row.getAs("offset") != null && row.getAs("raw_value") != null, "coordinates and raw bytes kept");
    }
    String reasons = quarantined.stream().map(r -> r.<String>getAs("reason")).toList().toString();
    assertTrue(reasons.contains("tweet_ids") && reasons.contains("empty") && reasons.contains("requested_at"),
        reasons);
    assertEquals(NEW_TWEETS, scoresOf("good").count(), "the good request of the batch was served");
    assertEquals(TOP_N, rowsOf(LakeTable.TOP_N, "good").count());
  }

  @Test
  @Order(2)
  void unknownUsersAndTweetsGetTheColdStartValueNotAnError() {
    Map<String, Row> cold = byTweet(scoresOf("cold-1"));
    assertEquals(Set.of(newTweets.get(0), "no-such-tweet"), cold.keySet());
    for (Row row : cold.values()) {
      assertFalse(row.<Boolean>getAs("known_user"));
      double p = row.<Double>getAs("p_like");
      assertTrue(p > 0 && p < 1, "a probability: " + p);
    }
    assertTrue(cold.get(newTweets.get(0)).<Boolean>getAs("known_tweet"));
    assertFalse(cold.get("no-such-tweet").<Boolean>getAs("known_tweet"));
    Map<String, Row> twin = byTweet(scoresOf("cold-2"));
    for (String tweet : cold.keySet()) {
      assertEquals(cold.get(tweet).<Double>getAs("p_like"), twin.get(tweet).<Double>getAs("p_like"), 1e-12,
          "two users never seen get the same defined value");
    }
  }

  @Test
  @Order(3)
  void aChampionWhoseInputDoesNotMatchTheScorersIsNotServed() {
    CandidateFeatures features = new CandidateFeatures(spark, lake.path(LakeTable.TWEETS),
        lake.path(LakeTable.ENGAGEMENTS), new CandidateExamples(spark, lake, config.features()));
    StructType full = features.schema();
    StructType missing = new StructType(Stream.of(full.fields())
        .filter(f -> !f.name().equals("user_follower_count")).toArray(StructField[]::new));

    ServingModels matching = ServingModels.champions(registry, EngagementTask.NAME, List.of("like"), full,
        ServingModels.savedModels());
    ServingModels mismatched = ServingModels.champions(registry, EngagementTask.NAME, List.of("like"), missing,
        ServingModels.savedModels());

    assertEquals(champion, matching.current().versions().get("like"));
    assertTrue(mismatched.current().isEmpty(), "nothing serves rather than a wrong score");
    assertTrue(mismatched.problems().get("like").contains("user_follower_count"), mismatched.problems().toString());
  }

  @Test
  @Order(4)
  void headWeightsNamingAnUnknownHeadFailAtStart() {
    DaystreamConfig bad = ConfigLoader.defaultsWithHome(home, concat(settings(), "scoring.head-weights.clicks=1"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ScoreJobs.create(spark, bad, servers(), Optional.empty()));
    assertTrue(e.getMessage().contains("clicks"), e.getMessage());
  }

  @Test
  @Order(5)
  void aPromotionAndARollbackServeFromTheNextBatchOnWithoutARestart() {
    try (ScoreJob job = ScoreJobs.create(spark, config, servers(), Optional.of(Duration.ofMillis(200)))) {
      job.start();
      job.awaitStarted();
      send("swap-before", users.get(0), newTweets);
      job.processAllAvailable();
      registry.moveChampion(registry.champion(EngagementTask.NAME, "like"), other, AliasChange.Action.FORCED,
          "ScoreJobIT", "hot swap");
      send("swap-promoted", users.get(0), newTweets);
      job.processAllAvailable();
      registry.rollback(EngagementTask.NAME, "like", "ScoreJobIT", "back");
      send("swap-rolled-back", users.get(0), newTweets);
      job.processAllAvailable();
    }
    assertEquals(List.of(champion), versionsOf("swap-before"));
    assertEquals(List.of(other), versionsOf("swap-promoted"), "the forced champion served the next batch");
    assertEquals(List.of(champion), versionsOf("swap-rolled-back"), "the rollback served the next batch");
    for (String request : List.of("swap-before", "swap-promoted", "swap-rolled-back")) {
      assertEquals(NEW_TWEETS, scoresOf(request).count(), request + ": every candidate scored once");
    }
  }

  /**
   * Last: the command stops the JVM's SparkSession when it ends. It restarts the job after a
   * crash: the last batch's writes are done but its commit file is gone, so it runs again over the
   * same offsets; then it serves a request sent while the job was down.
   */
  @Test
  @Order(6)
  void theScoreCommandRestartedAfterACrashWritesNothingTwiceAndLosesNothing() throws Exception {
    long scoresBefore = count(LakeTable.SCORES);
    long topNBefore = count(LakeTable.TOP_N);
    long quarantinedBefore = count(LakeTable.QUARANTINE);
    long recommendationsBefore = runtime.kafka().messageCount(config.kafka().topics().recommendations());
    deleteLastCommit(Path.of(lake.checkpoint(ScoreJob.QUERY_NAME).replace("file:", "")).resolve("commits"));
    send("after-crash", users.get(2), newTweets);

    MainTest.Run run = MainTest.run(concat(new String[] {"score", "--until-idle", "--json", "--home", home.toString(),
        "--set", "kafka.bootstrap-servers=" + servers()}, setArgs()));

    assertEquals(0, run.code(), run.err());
    JsonNode totals = JSON.readTree(run.out());
    assertEquals(NEW_TWEETS + NEW_TWEETS, totals.get("candidates_scored").asInt(),
        "the replayed batch was scored again and the new request once: " + run.out());
    assertEquals(champion, totals.get("versions").get("like").get(0).asText());
    // The command stopped Spark: a new session, on the same broker.
    try (DaystreamRuntime again = new DaystreamRuntime(ConfigLoader.defaultsWithHome(home,
        concat(settings(), "kafka.bootstrap-servers=" + servers())))) {
      spark = again.spark();
      assertEquals(scoresBefore + NEW_TWEETS, count(LakeTable.SCORES), "the replayed batch added no row");
      assertEquals(topNBefore + TOP_N, count(LakeTable.TOP_N));
      assertEquals(quarantinedBefore, count(LakeTable.QUARANTINE));
      assertEquals(NEW_TWEETS, scoresOf("after-crash").count(), "the request sent while down was served");
    }
    // Kafka is at least once: the replayed batch sent its recommendation again, with the same key.
    Map<String, List<JsonNode>> sent = recommendations();
    assertEquals(recommendationsBefore + 2, sent.values().stream().mapToLong(List::size).sum());
    assertEquals(sent.get("swap-rolled-back").get(0), sent.get("swap-rolled-back").get(1), "same content again");
    JsonNode ranking = sent.get("after-crash").get(0);
    assertEquals(users.get(2), ranking.get("user_id").asText());
    JsonNode tweets = ranking.get("tweets");
    assertEquals(TOP_N, tweets.size());
    for (int i = 0; i < tweets.size(); i++) {
      assertEquals(i + 1, tweets.get(i).get("rank").asInt());
      if (i > 0) {
        assertTrue(tweets.get(i - 1).get("score").asDouble() >= tweets.get(i).get("score").asDouble());
      }
    }
  }

  private String[] settings() {
    return new String[] {
      "spark.master=local[2]",
      "training.windows=[1,2]", "training.heads=[like]",
      // The mechanics are under test here, not model quality: any RCE may become champion.
      "promotion.min-rce=-1000",
      "run.poll-interval=1s", "run.stop-patience=30s", "scoring.trigger=1s",
      "scoring.top-n=" + TOP_N};
  }

  private String[] setArgs() {
    return Stream.of(settings()).flatMap(s -> Stream.of("--set", s)).toArray(String[]::new);
  }

  private static String[] concat(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
  }

  private String servers() {
    return runtime.kafka().bootstrapServers();
  }

  /** The afternoon after the last produced day: every candidate tweet exists by then. */
  private Instant requestedAt() {
    return START.plusDays(PRODUCED_DAYS).atTime(15, 0).toInstant(ZoneOffset.UTC);
  }

  private TopicProducer producer() {
    return new TopicProducer(servers(), config.kafka().clientProperties());
  }

  private void send(String requestId, String user, List<String> tweetIds) {
    try (TopicProducer producer = producer()) {
      producer.send(config.kafka().topics().requests(), requestId,
          ScoreRequest.json(requestId, user, tweetIds, requestedAt()));
      producer.flush();
    }
  }

  private static void deleteLastCommit(Path commits) throws IOException {
    Path last;
    try (Stream<Path> files = Files.list(commits)) {
      last = files.filter(p -> p.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()))).orElseThrow();
    }
    Files.delete(last);
    Files.deleteIfExists(last.resolveSibling("." + last.getFileName() + ".crc"));
  }

  /** Every message of the recommendations topic, by key, in offset order per partition. */
  private Map<String, List<JsonNode>> recommendations() throws IOException {
    Properties props = new Properties();
    props.putAll(config.kafka().clientProperties());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, List<JsonNode>> byKey = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new StringDeserializer())) {
      String topic = config.kafka().topics().recommendations();
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(JSON.readTree(record.value()));
        }
      }
    }
    return byKey;
  }

  private static Map<String, Row> byTweet(Dataset<Row> rows) {
    Map<String, Row> byTweet = new HashMap<>();
    rows.collectAsList().forEach(row -> byTweet.put(row.getAs("tweet_id"), row));
    return byTweet;
  }

  private Dataset<Row> rowsOf(LakeTable table, String requestId) {
    return spark.read().format("delta").load(lake.path(table)).where(col("request_id").equalTo(requestId));
  }

  private Dataset<Row> scoresOf(String requestId) {
    return rowsOf(LakeTable.SCORES, requestId);
  }

  private List<String> versionsOf(String requestId) {
    return scoresOf(requestId).select(col("model_versions").getItem("like")).distinct().collectAsList().stream()
        .map(r -> r.getString(0)).toList();
  }

  private long count(LakeTable table) {
    return spark.read().format("delta").load(lake.path(table)).count();
  }
}
