package io.daystream.training.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.SkippedWindow;
import io.daystream.evaluation.outcome.WindowResult;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.day.DayRange;
import io.daystream.training.experiment.DayModels;
import io.daystream.training.experiment.Judgement;
import io.daystream.training.experiment.StalenessExperiment;
import io.daystream.training.experiment.StalenessTable;
import io.daystream.training.experiment.WindowComparison;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.VersionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily job's template with a dummy trainer, on a real registry (Delta tables, saved Spark ML
 * models): windows, guards, promotion, a run that fails part-way, a backfill that crashes in the
 * middle and resumes, and the experiments on what a backfill registered.
 */
class DailyRetrainIT {

  private static final LocalDate MARCH_2 = LocalDate.of(2020, 3, 2);

  @TempDir
  static Path home;

  private static SparkSession spark;
  private static DaystreamConfig config;
  private static Lake lake;
  private static ModelRegistry registry;
  private static int tasks;

  /** Each test's own task: one lake and registry for the class, no test sees another's versions or champions. */
  private FixtureTask task;

  @BeforeAll
  static void start() {
    config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    spark = SparkSessionFactory.getOrCreate(config.spark());
    lake = new Lake(config.lake());
    registry = new ModelRegistry(spark, lake);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void ownTask() {
    task = new FixtureTask(spark, "task" + ++tasks);
  }

  private DailyRetrain retrain(HeadTrainer trainer) {
    return new DailyRetrain(task, trainer, new FixtureTask.Judge(),
        new ChampionPolicy(config.promotion()), new WindowGuard(100, 5), registry);
  }

  private RetrainBackfill backfill(HeadTrainer trainer) {
    return new RetrainBackfill(retrain(trainer), new RetrainRunLog(spark, lake, Clock.systemUTC()), trainer);
  }

  private static HeadOutcome head(RetrainOutcome outcome, String name) {
    return outcome.heads().stream().filter(h -> h.head().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aDayTrainsEveryWindowAcrossTheLeapDayAndPromotesTheMostRecentModel() {
    RetrainOutcome outcome = retrain(new ConstantRateTrainer()).run(MARCH_2, List.of(5, 1, 3), List.of("a"));

    HeadOutcome a = head(outcome, "a");
    assertEquals(List.of(1, 3, 5), a.windows().stream().map(r -> r.window().days()).toList());
    WindowResult five = a.windows().get(2);
    // 2020-02-26 .. 2020-03-01 holds 29 February: five days of rows.
    assertEquals(LocalDate.of(2020, 2, 26), five.window().firstDay());
    assertEquals(LocalDate.of(2020, 3, 1), five.window().lastDay());
    assertEquals(5L * FixtureTask.ROWS_PER_DAY, five.trainRows());
    assertEquals(FixtureTask.ROWS_PER_DAY, five.metrics().rows(), "judged on day D only");
    // The rate rises daily: the 1-day model is the closest to D's rate, and RCE orders the windows.
    double rce1 = a.windows().get(0).metrics().rce().orElseThrow();
    double rce3 = a.windows().get(1).metrics().rce().orElseThrow();
    double rce5 = five.metrics().rce().orElseThrow();
    assertTrue(rce1 > rce3 && rce3 > rce5, rce1 + " " + rce3 + " " + rce5);
    assertEquals(a.windows().get(0).version(), a.bestChallenger().orElseThrow().version());
    assertTrue(a.promoted());
    assertEquals(Optional.of(a.windows().get(0).version()), registry.champion(task.name(), "a").version());

    ModelVersion registered = registry.require(five.version());
    assertEquals(VersionStatus.REGISTERED, registered.status());
    assertEquals(5L * FixtureTask.ROWS_PER_DAY, registered.lineage().trainRows());
    long positives = Stream.iterate(LocalDate.of(2020, 2, 26), d -> d.plusDays(1)).limit(5)
        .mapToLong(FixtureTask::positivesOfA).sum();
    assertEquals(positives, registered.lineage().trainPositives());
    assertEquals(Map.of("fixture/examples", 7L), registered.lineage().tableVersions());
    assertEquals("fixture-v1", registered.lineage().featureSetVersion());
    assertEquals("constant", registered.lineage().modelFamily());
    assertEquals(five.metrics().rce(), registered.evaluation().orElseThrow().rce());
  }

  @Test
  void windowsFittedSideBySideGiveTheSameModelsInWindowOrder() {
    DailyRetrain parallel = new DailyRetrain(task, new ConstantRateTrainer(), new FixtureTask.Judge(),
        new ChampionPolicy(config.promotion()), new WindowGuard(100, 5), registry, 3);

    HeadOutcome a = head(parallel.run(MARCH_2, List.of(1, 3, 5), List.of("a")), "a");

    assertEquals(List.of(1, 3, 5), a.windows().stream().map(r -> r.window().days()).toList());
    List<String> versions = a.windows().stream().map(WindowResult::version).toList();
    assertEquals(List.of(task.name() + "-a-w1-2020-03-02-r1", task.name() + "-a-w3-2020-03-02-r1",
        task.name() + "-a-w5-2020-03-02-r1"), versions);
    for (WindowResult result : a.windows()) {
      assertEquals(VersionStatus.REGISTERED, registry.require(result.version()).status());
      assertEquals(result.metrics().rce(), registry.require(result.version()).evaluation().orElseThrow().rce(),
          "each version registered with its own model's metrics");
    }
    double rce1 = a.windows().get(0).metrics().rce().orElseThrow();
    double rce5 = a.windows().get(2).metrics().rce().orElseThrow();
    assertTrue(rce1 > rce5, "the same order as fitted one by one: " + rce1 + " " + rce5);
    assertEquals(Optional.of(versions.get(0)), registry.champion(task.name(), "a").version());
  }

  @Test
  void aWindowWithOneClassIsSkippedWithItsReasonAndNoModel() {
    // Head b has 10 positives a day from 2 March on: on 4 March, the 1-day window holds 10.
    DailyRetrain demanding = new DailyRetrain(task, new ConstantRateTrainer(), new FixtureTask.Judge(),
        new ChampionPolicy(config.promotion()), new WindowGuard(100, 15), registry);
    HeadOutcome b = head(demanding.run(LocalDate.of(2020, 3, 4), List.of(1, 2, 4), List.of("b")), "b");
    assertEquals(List.of(2, 4), b.windows().stream().map(r -> r.window().days()).toList());
    SkippedWindow one = b.skipped().get(0);
    assertEquals(1, one.window().days());
    assertEquals(200, one.trainRows());
    assertEquals(10, one.trainPositives());
    assertEquals("10 positives of 200 rows, fewer than the minimum 15", one.reason());
    assertTrue(b.promoted(), "the windows that trained still compete: " + b.decision().reason());

    // Before 2 March, every window holds one class only.
    RetrainOutcome early = retrain(new ConstantRateTrainer()).run(MARCH_2, List.of(1, 3), List.of("b"));
    HeadOutcome none = head(early, "b");
    assertTrue(none.windows().isEmpty());
    assertEquals(2, none.skipped().size());
    assertTrue(none.skipped().get(0).reason().contains("0 positives of 200 rows, fewer than the minimum 5"),
        none.skipped().get(0).reason());
    assertFalse(none.promoted());
    assertEquals("every window was skipped: no challenger", none.decision().reason());
    assertTrue(none.bestChallenger().isEmpty());

    ModelVersion skipped = registry.require(none.skipped().get(1).version());
    assertEquals(VersionStatus.SKIPPED, skipped.status());
    assertEquals(Optional.of(none.skipped().get(1).reason()), skipped.statusReason());
    assertTrue(skipped.modelPath().isEmpty(), "a skipped window has no files");
  }

  @Test
  void tooFewRowsIsSkippedToo() {
    DailyRetrain strict = new DailyRetrain(task, new ConstantRateTrainer(), new FixtureTask.Judge(),
        new ChampionPolicy(config.promotion()), new WindowGuard(300, 5), registry);

    HeadOutcome a = head(strict.run(MARCH_2, List.of(1, 2), List.of("a")), "a");

    assertEquals(List.of(2), a.windows().stream().map(r -> r.window().days()).toList());
    assertEquals("200 training rows, fewer than the minimum 300", a.skipped().get(0).reason());
  }

  @Test
  void theChampionIsJudgedAgainOnTheDayAndARerunNeverTouchesItsFiles() throws IOException {
    DailyRetrain retrain = retrain(new ConstantRateTrainer());
    String champion = head(retrain.run(MARCH_2, List.of(1, 3), List.of("a")), "a").champion().orElseThrow();
    Path files = Path.of(registry.require(champion).requireModelPath());
    Map<String, byte[]> before = contents(files);

    // The same day again: the same models come out, as new versions; a tie does not promote.
    HeadOutcome again = head(retrain.run(MARCH_2, List.of(1, 3), List.of("a")), "a");

    assertEquals(Optional.of(champion), again.previousChampion());
    assertEquals(again.windows().get(0).metrics().rce(), again.previousChampionMetrics().orElseThrow().rce());
    assertTrue(again.windows().stream().noneMatch(r -> r.version().equals(champion)), "a re-run adds versions");
    assertFalse(again.promoted(), again.decision().reason());
    assertEquals(Optional.of(champion), registry.champion(task.name(), "a").version());
    assertEquals(mapOfStrings(before), mapOfStrings(contents(files)), "the champion's files are unchanged");

    // The next day, the champion (trained for 2 March) is judged on 3 March beside the new models.
    HeadOutcome next = head(retrain.run(LocalDate.of(2020, 3, 3), List.of(1, 3), List.of("a")), "a");
    assertTrue(next.previousChampionMetrics().orElseThrow().rce().orElseThrow()
        < next.windows().get(0).metrics().rce().orElseThrow(), "an older rate fits a rising day worse");
    assertTrue(next.promoted(), next.decision().reason());
  }

  @Test
  void aRunThatFailsPartWayChangesNoChampion() {
    DailyRetrain good = retrain(new ConstantRateTrainer());
    String first = head(good.run(MARCH_2, List.of(1), List.of("a", "b")), "a").champion().orElseThrow();

    // On 3 March head a would be promoted, then head b's training crashes: a's champion stays.
    DailyRetrain crashing = retrain(ConstantRateTrainer.crashingOnHead("b"));
    IllegalStateException crash = assertThrows(IllegalStateException.class,
        () -> crashing.run(LocalDate.of(2020, 3, 3), List.of(1), List.of("a", "b")));

    assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
    assertEquals(Optional.of(first), registry.champion(task.name(), "a").version());
    assertEquals(1, registry.history(task.name(), "a").size(), "one alias change: the first promotion");
  }

  @Test
  void aDayWithoutExamplesHasNothingToJudgeAndUnknownHeadsAreRefused() {
    DailyRetrain retrain = retrain(new ConstantRateTrainer());

    NothingToJudgeException none = assertThrows(NothingToJudgeException.class,
        () -> retrain.run(LocalDate.of(2020, 3, 9), List.of(3), List.of("a")));
    assertTrue(none.getMessage().contains("no " + task.name() + " examples on the evaluation day 2020-03-09"), none.getMessage());

    IllegalArgumentException head = assertThrows(IllegalArgumentException.class,
        () -> retrain.run(MARCH_2, List.of(3), List.of("a", "like")));
    assertEquals("task " + task.name() + " has no head 'like'; its heads: [a, b]", head.getMessage());
    assertTrue(registry.list(Optional.of(task.name()), Optional.empty()).isEmpty(), "nothing registered");
  }

  @Test
  void aBackfillKilledInTheMiddleResumesAtTheFirstUnfinishedDayAndARerunChangesNothing() {
    // Five days, the last without examples; killed while training the third.
    DayRange range = new DayRange(LocalDate.of(2020, 3, 3), LocalDate.of(2020, 3, 7));
    List<Integer> windows = List.of(1);
    List<String> heads = List.of("a");

    List<RetrainBackfill.DayResult> seen = new ArrayList<>();
    IllegalStateException killed = assertThrows(IllegalStateException.class, () -> backfill(
        ConstantRateTrainer.crashingOn(LocalDate.of(2020, 3, 5)))
        .run(range, windows, heads, false, (result, done, total, elapsed) -> seen.add(result)));
    assertTrue(killed.getMessage().contains("simulated crash"), killed.getMessage());
    assertEquals(List.of(LocalDate.of(2020, 3, 3), LocalDate.of(2020, 3, 4)),
        seen.stream().map(RetrainBackfill.DayResult::day).toList());
    String championBefore = registry.champion(task.name(), "a").version().orElseThrow();

    List<RetrainBackfill.DayResult> resumed = backfill(new ConstantRateTrainer())
        .run(range, windows, heads, false, RetrainBackfill.Progress.NONE);

    assertEquals(List.of(RetrainBackfill.DayStatus.REUSED, RetrainBackfill.DayStatus.REUSED,
        RetrainBackfill.DayStatus.TRAINED, RetrainBackfill.DayStatus.TRAINED, RetrainBackfill.DayStatus.SKIPPED), resumed.stream().map(RetrainBackfill.DayResult::status).toList());
    assertTrue(resumed.get(4).reason().orElseThrow().contains("no " + task.name() + " examples on the evaluation day 2020-03-07"));
    assertTrue(registry.champion(task.name(), "a").version().orElseThrow().contains("2020-03-06"),
        "the rising rate promotes every day's 1-day model, the last one " + championBefore);

    int versions = registry.list(Optional.of(task.name()), Optional.empty()).size();
    int changes = registry.history(task.name(), "a").size();
    List<RetrainBackfill.DayResult> rerun = backfill(new ConstantRateTrainer())
        .run(range, windows, heads, false, RetrainBackfill.Progress.NONE);

    assertTrue(rerun.stream().allMatch(r -> r.status() == RetrainBackfill.DayStatus.REUSED), rerun.toString());
    assertEquals(versions, registry.list(Optional.of(task.name()), Optional.empty()).size(), "no version added");
    assertEquals(changes, registry.history(task.name(), "a").size(), "no champion moved");

    // Other settings are another run: a second window retrains the day.
    List<RetrainBackfill.DayResult> wider = backfill(new ConstantRateTrainer())
        .run(new DayRange(LocalDate.of(2020, 3, 6), LocalDate.of(2020, 3, 6)), List.of(1, 3), heads, false,
            RetrainBackfill.Progress.NONE);
    assertEquals(RetrainBackfill.DayStatus.TRAINED, wider.get(0).status());
  }

  @Test
  /** The experiments on a backfilled range: a shorter window wins every day, and a model loses RCE as it ages. */
  void windowsAndStalenessOfABackfilledRange() {
    LocalDate from = LocalDate.of(2020, 3, 2);
    LocalDate to = LocalDate.of(2020, 3, 4);
    ConstantRateTrainer trainer = new ConstantRateTrainer();
    DailyRetrain retrain = new DailyRetrain(task, trainer, new FixtureTask.Judge(),
        new ChampionPolicy(config.promotion()), new WindowGuard(100, 5), registry);
    new RetrainBackfill(retrain, new RetrainRunLog(spark, lake, Clock.systemUTC()), trainer)
        .run(new DayRange(from, to), List.of(1, 4), List.of("a"), false, RetrainBackfill.Progress.NONE);

    List<DayModels.DayModel> models = DayModels.select(registry.list(Optional.of(task.name()), Optional.empty()),
        task.name(), "constant", from, to);
    assertEquals(6, models.size(), "one model per window and day");
    List<WindowComparison.WindowStats> windows = WindowComparison.of(models);
    assertEquals(List.of(1, 4), windows.stream().map(WindowComparison.WindowStats::window).toList());
    assertEquals(3, windows.get(0).wins(), "the 1-day window is closest to a rising rate every day");
    assertTrue(windows.get(0).pooledRce().orElseThrow() > windows.get(1).pooledRce().orElseThrow());

    List<DayModels.DayModel> oneDay = models.stream().filter(m -> m.window() == 1).toList();
    StalenessExperiment.Result result = new StalenessExperiment(task, new FixtureTask.Judge(), registry)
        .run(oneDay, 3);

    // Models of 2..4 March judged up to 3 days later, as far as 6 March, the last day with examples:
    // the model of 4 March only 2 days later.
    assertEquals(List.of(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2),
        result.judgements().stream().map(Judgement::age).toList());
    Judgement aged = result.judgements().get(2);
    assertEquals(LocalDate.of(2020, 3, 4), aged.judgedDay());
    assertEquals(FixtureTask.ROWS_PER_DAY, aged.metrics().rows());
    assertEquals(FixtureTask.positivesOfA(LocalDate.of(2020, 3, 4)), aged.metrics().positives());
    // On one day, the older the model, the worse (days differ among themselves: compare within one).
    List<Double> onMarch5 = result.judgements().stream()
        .filter(j -> j.judgedDay().equals(LocalDate.of(2020, 3, 5)))
        .sorted(java.util.Comparator.comparingInt(Judgement::age))
        .map(j -> j.metrics().rce().orElseThrow()).toList();
    assertEquals(3, onMarch5.size(), "ages 1, 2 and 3");
    assertTrue(onMarch5.get(0) > onMarch5.get(1) && onMarch5.get(1) > onMarch5.get(2), onMarch5.toString());
    List<StalenessTable.AgeRow> byAge = StalenessTable.byAge(result.judgements(), result.oracle());
    assertEquals(List.of(3, 3, 3, 2), byAge.stream().map(StalenessTable.AgeRow::judgements).toList());
    assertTrue(byAge.get(0).oraclePooledRce().isEmpty(), "the fixture has no true probabilities");
  }

  private static Map<String, byte[]> contents(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile).forEach(file -> {
        try {
          files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return files;
  }

  private static Map<String, String> mapOfStrings(Map<String, byte[]> files) {
    Map<String, String> strings = new TreeMap<>();
    files.forEach((name, bytes) -> strings.put(name, java.util.Arrays.toString(bytes)));
    return strings;
  }
}
