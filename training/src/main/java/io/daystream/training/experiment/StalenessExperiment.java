package io.daystream.training.experiment;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.features.day.DayRange;
import io.daystream.training.daily.HeadJudge;
import io.daystream.training.daily.RetrainTask;
import io.daystream.training.daily.TaskExamples;
import io.daystream.training.experiment.DayModels.DayModel;
import io.daystream.training.registry.ModelRegistry;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each day's model, unchanged, on the days after its own: the model trained for day D on
 * D + 1 … D + k, as far as the examples are materialized. Age 0 is the model's registered result
 * on D, judged by the same judge when it was trained. Every judged day is read once, cached.
 */
public final class StalenessExperiment {

  /** The judgements, and the oracle's metrics per head and judged day (empty maps on real data). */
  public record Result(List<Judgement> judgements, Map<String, Map<LocalDate, BinaryMetrics>> oracle) {}

  private static final Logger LOG = LoggerFactory.getLogger(StalenessExperiment.class);

  private final RetrainTask task;
  private final HeadJudge judge;
  private final ModelRegistry registry;

  public StalenessExperiment(RetrainTask task, HeadJudge judge, ModelRegistry registry) {
    this.task = task;
    this.judge = judge;
    this.registry = registry;
  }

  /**
   * @param models one window's models, one per head and day (see {@link DayModels})
   * @param maxAge the oldest age judged
   * @throws IllegalArgumentException when there are no models
   */
  public Result run(List<DayModel> models, int maxAge) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("no registered models to judge: run `daystream retrain` for the range first");
    }
    LocalDate first = models.stream().map(DayModel::day).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = models.stream().map(DayModel::day).max(LocalDate::compareTo).orElseThrow().plusDays(maxAge);
    List<LocalDate> materialized = task.materializedDays(new DayRange(first, last));
    LocalDate judgedUpTo = contiguousEnd(first, materialized);
    TaskExamples examples = task.read(new DayRange(first, judgedUpTo));
    Dataset<Row> cached = examples.rows().cache();
    try {
      Map<LocalDate, Dataset<Row>> days = new HashMap<>();
      for (LocalDate day = first; !day.isAfter(judgedUpTo); day = day.plusDays(1)) {
        days.put(day, cached.where(col(examples.dayColumn()).equalTo(Date.valueOf(day))));
      }
      List<Judgement> judgements = new ArrayList<>();
      Map<String, Map<LocalDate, BinaryMetrics>> oracle = new TreeMap<>();
      for (DayModel model : models) {
        judgements.add(new Judgement(model.head(), model.version(), model.day(), model.day(), model.metrics()));
        PipelineModel fitted = PipelineModel.load(registry.require(model.version()).requireModelPath());
        for (int age = 1; age <= maxAge; age++) {
          LocalDate judged = model.day().plusDays(age);
          if (judged.isAfter(judgedUpTo) || examples.rowsOn(judged) == 0) {
            continue;
          }
          BinaryMetrics metrics = judge.judge(fitted, days.get(judged), model.head());
          judgements.add(new Judgement(model.head(), model.version(), model.day(), judged, metrics));
        }
        LOG.info("{} {}: {} judged on {} later days", task.name(), model.head(), model.version(),
            Math.max(0, Math.min(maxAge, judgedUpTo.toEpochDay() - model.day().toEpochDay())));
      }
      for (String head : models.stream().map(DayModel::head).distinct().toList()) {
        Map<LocalDate, BinaryMetrics> known = new TreeMap<>();
        for (Map.Entry<LocalDate, Dataset<Row>> day : days.entrySet()) {
          if (examples.rowsOn(day.getKey()) > 0) {
            judge.oracle(day.getValue(), head).ifPresent(metrics -> known.put(day.getKey(), metrics));
          }
        }
        oracle.put(head, known);
      }
      return new Result(judgements, oracle);
    } finally {
      cached.unpersist();
    }
  }

  /** The last day of the unbroken run of materialized days from {@code first}. */
  private static LocalDate contiguousEnd(LocalDate first, List<LocalDate> materialized) {
    LocalDate end = first.minusDays(1);
    for (LocalDate day : materialized) {
      if (!day.equals(end.plusDays(1))) {
        break;
      }
      end = day;
    }
    if (end.isBefore(first)) {
      throw new IllegalArgumentException("the examples of " + first + " are not materialized: run `daystream "
          + "features` for the range first");
    }
    return end;
  }

}
