package io.daystream.app.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the generator's drift is for: a like model of the tweet's words and context (no history
 * features, which follow drift by themselves; see {@link TextContextModel}) trained once, on the
 * first days, and then judged on each later day. In a drifting world its RCE falls as it ages and
 * it falls further behind the oracle; in the same world without drift it holds.
 */
class StaleModelDecayIT {

  private static final String HEAD = "like";
  private static final int TRAINING_DAYS = 2;
  /**
   * Seed 2, 12 topics (all the bundled ones, so many trends drift at once), 8,000 impressions a
   * day, drift 0.15: the model is still fresh on its first judged day and stale by the sixth.
   * Drift is random: in some worlds the leading topics happen to stay on top and a stale model
   * keeps most of its RCE (seed 1: even a model that knows each tweet's topic loses under 2
   * points by day 7); the README lists the seeds tried.
   */
  private static final SimulationSettings DRIFTING =
      new SimulationSettings(2L, LocalDate.of(2020, 3, 1), 8, 300, 60, 12, 150, 8000, 0.15);
  /**
   * RCE points by which the stale model's RCE must fall, and its gap to the oracle grow, from
   * the first judged day to the last; without drift neither may move that much. Measured with
   * drift: both moved by 6.3 points here (seed 2); seeds 3 and 4 gave 2.9 and 4.6 (RCE), 2.9
   * and 3.6 (gap). Without drift: less than 1 here; seeds 3 and 4 (over 7 days) at most 1.5
   * (RCE) and 2.5 (gap), the noise of the drawn outcomes.
   */
  private static final double MIN_DECAY = 3.0;

  @TempDir
  Path driftingHome;

  @TempDir
  Path steadyHome;

  @Test
  void aModelTrainedOnTheFirstDaysLosesRceOnlyWhenTheWorldDrifts() throws Exception {
    DaystreamConfig drifting = config(driftingHome);
    // One runtime for both worlds: Spark NLP keeps the first SparkSession of a JVM.
    try (DaystreamRuntime runtime = new DaystreamRuntime(drifting)) {
      List<AgedDay> withDrift = ageOneModel(runtime.spark(), drifting, DRIFTING);
      List<AgedDay> withoutDrift = ageOneModel(runtime.spark(), config(steadyHome), DRIFTING.withDriftRate(0.0));
      System.out.print(table(DRIFTING, withDrift) + table(DRIFTING.withDriftRate(0.0), withoutDrift));

      AgedDay first = withDrift.get(0);
      AgedDay last = withDrift.get(withDrift.size() - 1);
      assertTrue(last.modelRce() <= first.modelRce() - MIN_DECAY,
          "with drift the model's RCE falls by " + MIN_DECAY + " points or more: " + withDrift);
      assertTrue(last.gap() >= first.gap() + MIN_DECAY,
          "with drift the gap to the oracle grows by " + MIN_DECAY + " points or more: " + withDrift);

      AgedDay steadyFirst = withoutDrift.get(0);
      AgedDay steadyLast = withoutDrift.get(withoutDrift.size() - 1);
      assertTrue(steadyLast.modelRce() >= steadyFirst.modelRce() - MIN_DECAY,
          "without drift the model's RCE holds: " + withoutDrift);
      assertTrue(steadyLast.gap() <= steadyFirst.gap() + MIN_DECAY,
          "without drift the gap to the oracle holds: " + withoutDrift);
    }
  }

  /** One model trained on the first days of a world, judged on each later day of it. */
  private static List<AgedDay> ageOneModel(SparkSession spark, DaystreamConfig config, SimulationSettings settings)
      throws Exception {
    SyntheticBackfill.Result written = new SyntheticBackfill(spark, config).write(new EngagementSimulator(settings));
    TextContextModel model = new TextContextModel(spark, new Lake(config.lake()), config.features(), HEAD);
    // Cached: the trainer and the evaluation pass over them several times.
    Dataset<Row> training = model.examples(settings.date(0), settings.date(TRAINING_DAYS - 1)).cache();
    Dataset<Row> judged = model.examples(settings.date(TRAINING_DAYS), settings.date(settings.days() - 1)).cache();
    List<AgedDay> days = new ArrayList<>();
    try {
      PipelineModel fitted = model.fit(training);
      for (int day = TRAINING_DAYS; day < settings.days(); day++) {
        LocalDate date = settings.date(day);
        Dataset<Row> ofDay = judged.where(col("event_date").equalTo(lit(date.toString()).cast("date")));
        days.add(new AgedDay(date, day - TRAINING_DAYS + 1, model.judge(fitted, ofDay).rce().orElseThrow(),
            written.oracle().get(date).get(HEAD).rce().orElseThrow()));
      }
    } finally {
      training.unpersist();
      judged.unpersist();
    }
    return days;
  }

  private static DaystreamConfig config(Path home) {
    return ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
  }

  private static String table(SimulationSettings settings, List<AgedDay> days) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%n%s head, trained on days 0-%d, seed %d, drift %.2f:%n  %-10s %4s %10s %10s %8s%n", HEAD,
        TRAINING_DAYS - 1, settings.seed(), settings.driftRate(), "day", "age", "model RCE", "oracle RCE", "gap"));
    for (AgedDay day : days) {
      table.append(String.format(Locale.ROOT, "  %-10s %4d %10.2f %10.2f %8.2f%n", day.date(), day.age(),
          day.modelRce(), day.oracleRce(), day.gap()));
    }
    return table.toString();
  }

  /** How the model did on one day, {@code age} days after its last training day. */
  private record AgedDay(LocalDate date, int age, double modelRce, double oracleRce) {
    double gap() {
      return oracleRce - modelRce;
    }
  }
}
