package io.daystream.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry on real Delta tables and real saved Spark ML models, one fresh lake per test. */
class ModelRegistryIT {

  private static final String TASK = "engagement";
  private static final String HEAD = "like";

  @TempDir
  static Path sparkHome;

  @TempDir
  Path home;

  private static SparkSession spark;
  private Lake lake;
  private SettableClock clock;
  private ModelRegistry registry;

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(
        ConfigLoader.defaultsWithHome(sparkHome, "spark.master=local[2]").spark());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void freshLake() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    lake = new Lake(config.lake());
    clock = new SettableClock(Instant.parse("2020-03-12T06:00:00Z"));
    registry = new ModelRegistry(spark, lake, clock);
  }

  @Test
  void aRegisteredVersionKeepsItsWholeLineageAndLeavesStaging() throws IOException {
    ModelLineage lineage = ModelLineageTest.threeDays(HEAD);
    StagedModel staged = registry.stage(lineage, "run-1");
    assertEquals("engagement-like-w3-2020-03-12-r1", staged.version());
    assertEquals(VersionStatus.STAGED, registry.require(staged.version()).status());
    saveModel(staged.stagingPath());

    ModelEvaluation evaluation = new ModelEvaluation(400, 37,
        Map.of(ModelEvaluation.RCE, 2.5, ModelEvaluation.PR_AUC, 0.21, ModelEvaluation.LOG_LOSS, 0.31));
    ModelVersion registered = registry.register(staged, Duration.ofMillis(8_250), evaluation);

    ModelVersion read = registry.require(staged.version());
    assertEquals(registered, read);
    assertEquals(new ModelVersion("engagement-like-w3-2020-03-12-r1", "run-1", VersionStatus.REGISTERED,
        Optional.empty(), lineage, Optional.of(Duration.ofMillis(8_250)), Optional.of(evaluation),
        Optional.of(lake.modelPath(staged.version())), Instant.parse("2020-03-12T06:00:00Z")), read);
    assertEquals(Map.of("bronze/tweets", 3L, "gold/engagement_examples", 7L), read.lineage().tableVersions());
    assertEquals(Map.of("max_iterations", "60", "reg_param", "0.03"), read.lineage().parameters());
    assertFalse(Files.exists(Path.of(staged.stagingPath())), "nothing is left in staging");
    assertTrue(Files.isDirectory(Path.of(read.requireModelPath(), "metadata")));
    assertEquals(List.of(read), registry.list(Optional.of(TASK), Optional.of(HEAD)));
    assertEquals(List.of(), registry.list(Optional.of(TASK), Optional.of("reply")));

    IllegalStateException again = assertThrows(IllegalStateException.class,
        () -> registry.register(staged, Duration.ZERO, evaluation));
    assertTrue(again.getMessage().contains("is registered, not staged"), again.getMessage());
  }

  @Test
  void aSkippedWindowKeepsItsReasonHasNoModelAndCannotServe() {
    ModelVersion skipped = registry.skip(ModelLineageTest.threeDays(HEAD), "run-1",
        "one class: 0 positives of 12 rows");

    ModelVersion read = registry.require(skipped.version());
    assertEquals(VersionStatus.SKIPPED, read.status());
    assertEquals(Optional.of("one class: 0 positives of 12 rows"), read.statusReason());
    assertEquals(Optional.empty(), read.modelPath());
    assertEquals(Optional.empty(), read.evaluation());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> registry.moveChampion(
        registry.champion(TASK, HEAD), skipped.version(), AliasChange.Action.FORCED, "test", "try"));
    assertTrue(refused.getMessage().contains("only a registered version can serve"), refused.getMessage());
  }

  @Test
  void aRerunOfTheDayGetsANewVersionAndLeavesTheServingFilesByteIdentical() throws IOException {
    ModelVersion first = registerNew(HEAD, 2.0);
    registry.moveChampion(registry.champion(TASK, HEAD), first.version(), AliasChange.Action.PROMOTED, "test",
        "first champion");
    Map<String, String> before = hashes(first.requireModelPath());
    assertTrue(before.size() > 2, "a saved PipelineModel has several files: " + before.keySet());

    ModelVersion rerun = registerNew(HEAD, 2.0);

    assertEquals("engagement-like-w3-2020-03-12-r1", first.version());
    assertEquals("engagement-like-w3-2020-03-12-r2", rerun.version());
    assertNotEquals(first.requireModelPath(), rerun.requireModelPath());
    assertEquals(before, hashes(first.requireModelPath()), "the serving version's files are untouched");
    assertNotEquals(before, hashes(rerun.requireModelPath()), "the re-run saved its own model");
    assertEquals(Optional.of(first.version()), registry.champion(TASK, HEAD).version());
    assertEquals(2, registry.list(Optional.of(TASK), Optional.of(HEAD)).size());
  }

  @Test
  void rollbackBringsBackThePreviousChampionThenTheOneBefore() {
    ModelVersion a = registerNew(HEAD, 1.0);
    ModelVersion b = registerNew(HEAD, 2.0);
    ModelVersion c = registerNew(HEAD, 3.0);
    for (ModelVersion version : List.of(a, b, c)) {
      registry.moveChampion(registry.champion(TASK, HEAD), version.version(), AliasChange.Action.PROMOTED,
          "daily-retrain", "better");
    }

    AliasChange first = registry.rollback(TASK, HEAD, "alice", "c mis-scores");
    assertEquals(b.version(), first.toVersion());
    assertEquals(Optional.of(c.version()), first.fromVersion());
    AliasChange second = registry.rollback(TASK, HEAD, "alice", "b too");
    assertEquals(a.version(), second.toVersion());
    assertEquals(new ChampionState(TASK, HEAD, Optional.of(a.version()), 5), registry.champion(TASK, HEAD));

    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> registry.rollback(TASK, HEAD, "alice", "once more"));
    assertEquals("no previous champion of engagement/like to roll back to: " + a.version() + " is the first",
        none.getMessage());
    List<AliasChange> history = registry.history(TASK, HEAD);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), history.stream().map(AliasChange::generation).toList());
    assertEquals(List.of(AliasChange.Action.PROMOTED, AliasChange.Action.PROMOTED, AliasChange.Action.PROMOTED,
        AliasChange.Action.ROLLED_BACK, AliasChange.Action.ROLLED_BACK),
        history.stream().map(AliasChange::action).toList());
    assertEquals("alice", history.get(4).changedBy());
    assertEquals("b too", history.get(4).reason());
  }

  @Test
  void aRollbackWithoutAChampionIsAClearError() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> registry.rollback(TASK, HEAD, "alice", "why not"));
    assertEquals("engagement/like has no champion to roll back", none.getMessage());
  }

  /** A promoter that decided on a champion that has moved since must fail, not overwrite the move. */
  @Test
  void aPromotionDecidedOnAStaleChampionFailsAndChangesNothing() {
    ModelVersion a = registerNew(HEAD, 1.0);
    ModelVersion b = registerNew(HEAD, 2.0);
    ModelVersion c = registerNew(HEAD, 3.0);
    registry.moveChampion(registry.champion(TASK, HEAD), a.version(), AliasChange.Action.PROMOTED, "p0", "first");
    ChampionState readByBoth = registry.champion(TASK, HEAD);

    registry.moveChampion(readByBoth, b.version(), AliasChange.Action.PROMOTED, "p1", "b wins");
    ChampionChangedException stale = assertThrows(ChampionChangedException.class, () -> registry.moveChampion(
        readByBoth, c.version(), AliasChange.Action.PROMOTED, "p2", "c too late"));

    assertTrue(stale.getMessage().contains("it is now " + b.version() + " at generation 2"), stale.getMessage());
    assertEquals(new ChampionState(TASK, HEAD, Optional.of(b.version()), 2), registry.champion(TASK, HEAD));
    assertEquals(List.of(a.version(), b.version()),
        registry.history(TASK, HEAD).stream().map(AliasChange::toVersion).toList());
  }

  /**
   * Two threads read the same champion, then promote different versions at the same moment: one
   * wins, the other fails with a clear message and leaves no trace. Run for the first champion
   * (an insert of the alias row) and for a later one (an update of it).
   */
  @Test
  void twoRacingPromotionsOneWinsTheOtherChangesNothing() throws Exception {
    List<ModelVersion> versions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      versions.add(registerNew(HEAD, i));
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2; round++) {
        ChampionState read = registry.champion(TASK, HEAD);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<AliasChange>> racers = new ArrayList<>();
        for (ModelVersion version : versions.subList(2 * round, 2 * round + 2)) {
          racers.add(threads.submit(() -> {
            together.await();
            return registry.moveChampion(read, version.version(), AliasChange.Action.PROMOTED,
                "racer", "race " + version.version());
          }));
        }
        List<AliasChange> won = new ArrayList<>();
        List<Throwable> lost = new ArrayList<>();
        for (Future<AliasChange> racer : racers) {
          try {
            won.add(racer.get());
          } catch (java.util.concurrent.ExecutionException e) {
            lost.add(e.getCause());
          }
        }
        assertEquals(1, won.size(), "exactly one promotion wins; lost: " + lost);
        assertEquals(1, lost.size());
        assertTrue(lost.get(0) instanceof ChampionChangedException, "the loser is told why: " + lost.get(0));
        assertTrue(lost.get(0).getMessage().contains("changed since it was read"), lost.get(0).getMessage());
        long generation = read.generation() + 1;
        assertEquals(new ChampionState(TASK, HEAD, Optional.of(won.get(0).toVersion()), generation),
            registry.champion(TASK, HEAD));
        List<AliasChange> history = registry.history(TASK, HEAD);
        assertEquals(generation, history.size(), "the loser logged nothing");
        assertEquals(won.get(0), history.get(history.size() - 1));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void historyAnswersWhoServedOnAGivenDay() {
    ModelVersion a = registerNew(HEAD, 1.0);
    ModelVersion b = registerNew(HEAD, 2.0);
    clock.set("2020-03-13T10:00:00Z");
    registry.moveChampion(registry.champion(TASK, HEAD), a.version(), AliasChange.Action.PROMOTED, "daily", "first");
    clock.set("2020-03-15T12:00:00Z");
    registry.moveChampion(registry.champion(TASK, HEAD), b.version(), AliasChange.Action.FORCED, "bob", "try b");
    clock.set("2020-03-15T18:00:00Z");
    registry.rollback(TASK, HEAD, "bob", "b was worse");

    ServingHistory served = registry.servingHistory(TASK, HEAD);
    assertEquals(List.of(), versionsOn(served, "2020-03-12"));
    assertEquals(List.of(a.version()), versionsOn(served, "2020-03-14"));
    assertEquals(List.of(a.version(), b.version(), a.version()), versionsOn(served, "2020-03-15"));
    assertEquals(List.of(a.version()), versionsOn(served, "2020-03-16"));
  }

  /** A crash between the alias commit and the log append loses no change: the alias row restores it. */
  @Test
  void aChangeMissingFromTheLogIsRestoredFromTheAliasRow() {
    ModelVersion a = registerNew(HEAD, 1.0);
    registry.moveChampion(registry.champion(TASK, HEAD), a.version(), AliasChange.Action.PROMOTED, "daily", "first");
    AliasChange logged = registry.history(TASK, HEAD).get(0);
    DeltaTable.forPath(spark, lake.path(LakeTable.PROMOTIONS)).delete();

    assertEquals(List.of(logged), registry.history(TASK, HEAD));
    assertEquals(1, spark.read().format("delta").load(lake.path(LakeTable.PROMOTIONS)).count());
  }

  /** A head's windows: staged and skipped in one commit, registered in another, ids in request order. */
  @Test
  void aBatchIsStagedInOneCommitAndRegisteredInAnother() {
    StagedModel earlier = registry.stage(window(3), "run-0");
    long commits = commits();

    ModelRegistry.Staging staging = registry.stageAll(List.of(window(7), window(3), window(3)),
        List.of(new ModelRegistry.Skip(window(5), "one class: 0 positives of 12 rows")), "run-1");

    assertEquals(commits + 1, commits(), "one commit stages the whole batch");
    assertEquals(List.of("engagement-like-w7-2020-03-12-r1", "engagement-like-w3-2020-03-12-r2",
        "engagement-like-w3-2020-03-12-r3"), staging.staged().stream().map(StagedModel::version).toList());
    assertEquals(List.of("engagement-like-w5-2020-03-12-r1"),
        staging.skipped().stream().map(ModelVersion::version).toList());
    assertEquals(staging.skipped().get(0), registry.require("engagement-like-w5-2020-03-12-r1"));
    assertEquals(Optional.of("one class: 0 positives of 12 rows"), staging.skipped().get(0).statusReason());
    for (StagedModel staged : staging.staged()) {
      ModelVersion read = registry.require(staged.version());
      assertEquals(VersionStatus.STAGED, read.status());
      assertEquals("run-1", read.runId());
      assertEquals(staged.lineage(), read.lineage());
      saveModel(staged.stagingPath());
    }

    List<StagedModel> reversed = List.of(staging.staged().get(2), staging.staged().get(1), staging.staged().get(0));
    List<ModelVersion> registered = registry.registerAll(reversed.stream().map(staged -> new ModelRegistry.Registration(
        staged, Duration.ofSeconds(staged.lineage().windowDays()), evaluation(staged.lineage().windowDays())))
        .toList());

    assertEquals(commits + 2, commits(), "one commit registers the whole batch");
    assertEquals(reversed.stream().map(StagedModel::version).toList(),
        registered.stream().map(ModelVersion::version).toList(), "returned in the order asked");
    for (ModelVersion version : registered) {
      assertEquals(version, registry.require(version.version()));
      assertEquals(VersionStatus.REGISTERED, version.status());
      assertEquals(Optional.of(Duration.ofSeconds(version.windowDays())), version.trainingTime());
      assertTrue(Files.isDirectory(Path.of(version.requireModelPath(), "metadata")));
    }
    assertEquals(VersionStatus.STAGED, registry.require(earlier.version()).status(), "outside the batch: untouched");

    assertEquals(new ModelRegistry.Staging(List.of(), List.of()), registry.stageAll(List.of(), List.of(), "run-2"));
    assertEquals(List.of(), registry.registerAll(List.of()));
    assertEquals(commits + 2, commits(), "an empty batch writes nothing");
  }

  /**
   * Another run takes one of the batch's ids between the read of the sequence numbers and the
   * commit: the commit holds the rest, and only the taken one gets the next number.
   */
  @Test
  void anIdTakenByAConcurrentRunIsAllocatedAgainAloneTheOthersKeepTheirs() {
    registry.skip(ModelLineageTest.threeDays("reply"), "run-0", "creates the tables");
    ModelRegistry other = new ModelRegistry(spark, lake, Clock.fixed(Instant.parse("2020-03-12T07:00:00Z"),
        ZoneOffset.UTC));
    List<StagedModel> byOther = new ArrayList<>();
    // The registry reads the clock after the sequence numbers, as it stamps its rows.
    clock.onNextRead(() -> byOther.add(other.stage(window(5), "run-other")));
    long commits = commits();

    List<StagedModel> staged = registry.stageAll(List.of(window(3), window(5), window(7)), List.of(), "run-1")
        .staged();

    assertEquals("engagement-like-w5-2020-03-12-r1", byOther.get(0).version());
    assertEquals(List.of("engagement-like-w3-2020-03-12-r1", "engagement-like-w5-2020-03-12-r2",
        "engagement-like-w7-2020-03-12-r1"), staged.stream().map(StagedModel::version).toList());
    assertEquals(commits + 3, commits(), "the other run's commit, the batch's, the taken id's again");
    assertEquals("run-other", registry.require("engagement-like-w5-2020-03-12-r1").runId(), "not overwritten");
    for (StagedModel version : staged) {
      assertEquals("run-1", registry.require(version.version()).runId());
    }
    assertEquals(5, registry.list(Optional.of(TASK), Optional.empty()).size());
  }

  /** A batch naming a version that is registered already registers none and moves no file. */
  @Test
  void aRegisterBatchWithAVersionNoLongerStagedChangesNothing() {
    List<StagedModel> staged = registry.stageAll(List.of(window(3), window(7), window(14)), List.of(), "run-1")
        .staged();
    staged.forEach(s -> saveModel(s.stagingPath()));
    registry.register(staged.get(1), Duration.ZERO, evaluation(7));
    long commits = commits();

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> registry.registerAll(
        staged.stream().map(s -> new ModelRegistry.Registration(s, Duration.ZERO, evaluation(1))).toList()));

    assertTrue(refused.getMessage().contains("version " + staged.get(1).version() + " is registered, not staged"),
        refused.getMessage());
    assertEquals(commits, commits(), "no commit");
    for (StagedModel other : List.of(staged.get(0), staged.get(2))) {
      assertEquals(VersionStatus.STAGED, registry.require(other.version()).status());
      assertTrue(Files.isDirectory(Path.of(other.stagingPath())), "its files stay staged");
      assertFalse(Files.exists(Path.of(lake.modelPath(other.version()))));
    }

    // A candidate without files: the files moved before it go back, nothing is committed.
    StagedModel unsaved = registry.stage(window(21), "run-1");
    commits = commits();
    List<ModelRegistry.Registration> batch = List.of(staged.get(0), unsaved, staged.get(2)).stream()
        .map(s -> new ModelRegistry.Registration(s, Duration.ZERO, evaluation(1))).toList();
    IllegalStateException noFiles = assertThrows(IllegalStateException.class, () -> registry.registerAll(batch));
    assertTrue(noFiles.getMessage().contains("nothing is staged for " + unsaved.version()), noFiles.getMessage());
    assertEquals(commits, commits(), "no commit");
    assertTrue(Files.isDirectory(Path.of(staged.get(0).stagingPath(), "metadata")), "moved back to staging");
    assertFalse(Files.exists(Path.of(lake.modelPath(staged.get(0).version()))));

    saveModel(unsaved.stagingPath());
    assertEquals(3, registry.registerAll(batch).size(), "the same batch registers once it can");
    assertEquals(commits + 1, commits());
  }

  private ModelVersion registerNew(String head, double rce) {
    StagedModel staged = registry.stage(ModelLineageTest.threeDays(head), "run-" + rce);
    saveModel(staged.stagingPath());
    return registry.register(staged, Duration.ofSeconds(1),
        new ModelEvaluation(100, 10, Map.of(ModelEvaluation.RCE, rce, ModelEvaluation.LOG_LOSS, 0.3)));
  }

  /** The three-day lineage of the like head with another window, ending on the same day. */
  private static ModelLineage window(int days) {
    ModelLineage three = ModelLineageTest.threeDays(HEAD);
    return new ModelLineage(three.task(), three.head(), days, three.trainLastDay().minusDays(days - 1),
        three.trainLastDay(), three.evaluationDay(), three.tableVersions(), three.featureSetVersion(),
        three.modelFamily(), three.parameters(), three.seed(), three.trainRows(), three.trainPositives());
  }

  private static ModelEvaluation evaluation(double rce) {
    return new ModelEvaluation(100, 10, Map.of(ModelEvaluation.RCE, rce, ModelEvaluation.LOG_LOSS, 0.3));
  }

  /** Commits in the versions table's Delta history. */
  private long commits() {
    return DeltaTable.forPath(spark, lake.path(LakeTable.MODEL_REGISTRY)).history().count();
  }

  /** A real fitted PipelineModel: its metadata names a fresh uid and time, so every save differs. */
  private static void saveModel(String path) {
    try {
      new Pipeline().setStages(new PipelineStage[] {new SQLTransformer().setStatement("SELECT * FROM __THIS__")})
          .fit(spark.range(3).toDF()).save(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> hashes(String folder) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    Path root = Path.of(folder);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
      }
    }
    return hashes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> versionsOn(ServingHistory served, String day) {
    return served.servedOn(LocalDate.parse(day)).stream().map(ServingHistory.Period::version).toList();
  }

  /** A clock the test moves by hand, and that can run an action when it is next read. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;
    private volatile Runnable onNextRead;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(String instant) {
      now = Instant.parse(instant);
    }

    void onNextRead(Runnable action) {
      onNextRead = action;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Runnable action = onNextRead;
      if (action != null) {
        onNextRead = null;
        action.run();
      }
      return now;
    }
  }
}
