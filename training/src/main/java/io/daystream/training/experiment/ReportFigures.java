package io.daystream.training.experiment;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.report.HeadFigures;
import io.daystream.evaluation.report.HeadFigures.AgeValue;
import io.daystream.evaluation.report.HeadFigures.Calibration;
import io.daystream.evaluation.report.HeadFigures.ChampionStep;
import io.daystream.evaluation.report.HeadFigures.DayValue;
import io.daystream.evaluation.spark.CalibrationBins;
import io.daystream.features.day.DayRange;
import io.daystream.training.daily.HeadJudge;
import io.daystream.training.daily.RetrainTask;
import io.daystream.training.daily.TaskExamples;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;

/**
 * Gathers what the range report draws, from the registry and the task's examples: each window's
 * RCE per day, the oracle's, the champion's moves, and the serving champion's calibration on the
 * last day. The staleness curve comes from a staleness experiment of the range, when one ran.
 */
public final class ReportFigures {

  private static final int CALIBRATION_BINS = 10;

  private final RetrainTask task;
  private final HeadJudge judge;
  private final ModelRegistry registry;

  public ReportFigures(RetrainTask task, HeadJudge judge, ModelRegistry registry) {
    this.task = task;
    this.judge = judge;
    this.registry = registry;
  }

  /**
   * @param staleness per head, RCE by age from a staleness experiment; empty lists when none ran
   */
  public List<HeadFigures> collect(DayRange range, List<String> heads, String modelFamily,
      Map<String, List<AgeValue>> staleness) {
    List<DayModels.DayModel> models = DayModels.select(registry.list(Optional.of(task.name()), Optional.empty()),
        task.name(), modelFamily, range.first(), range.last());
    List<LocalDate> materialized = task.materializedDays(range);
    Map<String, Map<LocalDate, BinaryMetrics>> oracle = materialized.size() == range.days().size()
        ? OracleBaseline.of(task, judge, heads, range) : Map.of();
    List<HeadFigures> figures = new ArrayList<>();
    for (String head : heads) {
      Map<String, List<DayValue>> series = new LinkedHashMap<>();
      models.stream().filter(m -> m.head().equals(head) && m.metrics().rce().isPresent())
          .forEach(m -> series.computeIfAbsent(m.window() + "-day window", k -> new ArrayList<>())
              .add(new DayValue(m.day(), m.metrics().rce().getAsDouble())));
      List<DayValue> oracleSeries = new ArrayList<>();
      oracle.getOrDefault(head, Map.of()).forEach((day, metrics) ->
          metrics.rce().ifPresent(rce -> oracleSeries.add(new DayValue(day, rce))));
      if (!oracleSeries.isEmpty() && !series.isEmpty()) {
        series.put("oracle", oracleSeries);
      }
      figures.add(new HeadFigures(head, series, champions(head, range), staleness.getOrDefault(head, List.of()),
          calibration(head, range.last(), materialized)));
    }
    return figures;
  }

  private List<ChampionStep> champions(String head, DayRange range) {
    List<ChampionStep> steps = new ArrayList<>();
    for (AliasChange change : registry.history(task.name(), head)) {
      Optional<ModelVersion> version = registry.find(change.toVersion());
      if (version.isPresent() && range.contains(version.get().evaluationDay())) {
        steps.add(new ChampionStep(version.get().evaluationDay(), change.toVersion(), version.get().windowDays(),
            change.action().label()));
      }
    }
    return steps;
  }

  /** The champion serving now, judged on the last day: empty without a champion or that day's examples. */
  private Optional<Calibration> calibration(String head, LocalDate day, List<LocalDate> materialized) {
    Optional<String> champion = registry.champion(task.name(), head).version();
    if (champion.isEmpty() || !materialized.contains(day)) {
      return Optional.empty();
    }
    TaskExamples examples = task.read(DayRange.of(day));
    if (examples.rowsOn(day) == 0) {
      return Optional.empty();
    }
    PipelineModel model = PipelineModel.load(registry.require(champion.get()).requireModelPath());
    return Optional.of(new Calibration(champion.get(), day, CalibrationBins.of(
        judge.predictions(model, examples.rows().where(col(examples.dayColumn()).equalTo(Date.valueOf(day))), head),
        HeadJudge.PREDICTION, HeadJudge.LABEL, CALIBRATION_BINS)));
  }

}
