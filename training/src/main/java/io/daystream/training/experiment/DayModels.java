package io.daystream.training.experiment;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.VersionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The registered models an experiment compares: per head, window and evaluation day, the latest
 * registered version of one task and model family (a day retrained twice counts once, with its
 * latest models).
 */
public final class DayModels {

  /** One model of a day, with its metrics on its own evaluation day. */
  public record DayModel(String version, String head, int window, LocalDate day, BinaryMetrics metrics) {}

  private DayModels() {}

  /**
   * @param versions versions of any status, task, family and day; the others are left out
   */
  public static List<DayModel> select(List<ModelVersion> versions, String task, String modelFamily, LocalDate from,
      LocalDate to) {
    Map<String, ModelVersion> latest = new LinkedHashMap<>();
    versions.stream()
        .filter(v -> v.status() == VersionStatus.REGISTERED && v.evaluation().isPresent())
        .filter(v -> v.task().equals(task) && v.lineage().modelFamily().equals(modelFamily))
        .filter(v -> !v.evaluationDay().isBefore(from) && !v.evaluationDay().isAfter(to))
        .sorted(Comparator.comparing(ModelVersion::createdAt).thenComparing(ModelVersion::version))
        .forEach(v -> latest.put(v.head() + "/" + v.windowDays() + "/" + v.evaluationDay(), v));
    List<DayModel> models = new ArrayList<>();
    for (ModelVersion version : latest.values()) {
      metricsOf(version.evaluation().orElseThrow()).ifPresent(metrics -> models.add(
          new DayModel(version.version(), version.head(), version.windowDays(), version.evaluationDay(), metrics)));
    }
    models.sort(Comparator.comparing(DayModel::head).thenComparing(DayModel::window).thenComparing(DayModel::day));
    return models;
  }

  /** The registry keeps rows, positives and log loss, enough to pool days; empty for a day without rows. */
  static Optional<BinaryMetrics> metricsOf(ModelEvaluation evaluation) {
    OptionalDouble logLoss = evaluation.metric(ModelEvaluation.LOG_LOSS);
    if (evaluation.rows() == 0 || logLoss.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BinaryMetrics(evaluation.rows(), evaluation.positives(), logLoss.getAsDouble(),
        evaluation.metric(ModelEvaluation.PR_AUC), evaluation.rce()));
  }
}
