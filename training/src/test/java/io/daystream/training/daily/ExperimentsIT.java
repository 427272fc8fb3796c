package io.daystream.training.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.day.DayRange;
import io.daystream.training.experiment.DayModels;
import io.daystream.training.experiment.Judgement;
import io.daystream.training.experiment.StalenessExperiment;
import io.daystream.training.experiment.StalenessTable;
import io.daystream.training.experiment.WindowComparison;
import io.daystream.training.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiments on models a real backfill registered (dummy trainer, fixture task whose rate
 * rises daily): a shorter window wins every day, and a model loses RCE with every day it ages.
 */
class ExperimentsIT {

  private static final LocalDate FROM = LocalDate.of(2020, 3, 2);
  private static final LocalDate TO = LocalDate.of(2020, 3, 4);

  @TempDir
  static Path home;

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(ConfigLoader.defaultsWithHome(home, "spark.master=local[2]").spark());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void windowsAndStalenessOfABackfilledRange() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    Lake lake = new Lake(config.lake());
    ModelRegistry registry = new ModelRegistry(spark, lake);
    FixtureTask task = new FixtureTask(spark);
    ConstantRateTrainer trainer = new ConstantRateTrainer();
    DailyRetrain retrain = new DailyRetrain(task, trainer, new FixtureTask.Judge(),
        new ChampionPolicy(config.promotion()), new WindowGuard(100, 5), registry);
    new RetrainBackfill(retrain, new RetrainRunLog(spark, lake, Clock.systemUTC()), trainer)
        .run(new DayRange(FROM, TO), List.of(1, 4), List.of("a"), false, RetrainBackfill.Progress.NONE);

    List<DayModels.DayModel> models = DayModels.select(registry.list(Optional.of("fixture"), Optional.empty()),
        "fixture", "constant", FROM, TO);
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
}
