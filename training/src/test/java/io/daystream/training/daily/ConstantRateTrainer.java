package io.daystream.training.daily;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The dummy trainer of the template's tests: a model that predicts, for every example, the
 * positive rate of the training rows of its group ({@code x}), as a real, saveable Pipeline. It can be told to crash when asked to
 * train for a given evaluation day, as a process killed in the middle of a backfill would stop.
 */
final class ConstantRateTrainer implements HeadTrainer {

  private final Optional<LocalDate> crashOnDay;
  private final Optional<String> crashOnHead;

  ConstantRateTrainer() {
    this(Optional.empty(), Optional.empty());
  }

  private ConstantRateTrainer(Optional<LocalDate> crashOnDay, Optional<String> crashOnHead) {
    this.crashOnDay = crashOnDay;
    this.crashOnHead = crashOnHead;
  }

  /** Crashes on every window whose evaluation day is {@code day}. */
  static ConstantRateTrainer crashingOn(LocalDate day) {
    return new ConstantRateTrainer(Optional.of(day), Optional.empty());
  }

  /** Crashes on every window of {@code head}. */
  static ConstantRateTrainer crashingOnHead(String head) {
    return new ConstantRateTrainer(Optional.empty(), Optional.of(head));
  }

  @Override
  public String family() {
    return "constant";
  }

  @Override
  public Map<String, String> parameters() {
    return Map.of("kind", "training positive rate");
  }

  @Override
  public long seed() {
    return 0;
  }

  @Override
  public PipelineModel fit(Dataset<Row> examples, String head) {
    Column label = col("label_" + head);
    Row stats = examples.agg(avg(when(col("x").equalTo(1), label)), avg(when(col("x").equalTo(0), label)),
        max(col("day"))).first();
    LocalDate lastTrainingDay = stats.getDate(2).toLocalDate();
    if (crashOnDay.isPresent() && lastTrainingDay.plusDays(1).equals(crashOnDay.get())
        || crashOnHead.isPresent() && crashOnHead.get().equals(head)) {
      throw new IllegalStateException("simulated crash while training " + head + " for " + lastTrainingDay.plusDays(1));
    }
    SQLTransformer constant = new SQLTransformer().setStatement(String.format(Locale.ROOT,
        "SELECT *, CASE WHEN x = 1 THEN CAST(%.17g AS DOUBLE) ELSE CAST(%.17g AS DOUBLE) END AS p FROM __THIS__",
        bounded(stats.getDouble(0)), bounded(stats.getDouble(1))));
    return new Pipeline().setStages(new PipelineStage[] {constant}).fit(examples);
  }

  /** A group without positives would predict 0, and one positive would cost infinite log loss. */
  private static double bounded(double rate) {
    return Math.min(Math.max(rate, 1e-3), 1 - 1e-3);
  }
}
