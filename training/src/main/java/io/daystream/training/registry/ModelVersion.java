package io.daystream.training.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of the registry. A registered version has its evaluation, its training time and an
 * immutable model folder; a staged one has only its lineage; a skipped one has the reason no model
 * was made ({@code statusReason}) and no files.
 */
public record ModelVersion(
    String version,
    String runId,
    VersionStatus status,
    Optional<String> statusReason,
    ModelLineage lineage,
    Optional<Duration> trainingTime,
    Optional<ModelEvaluation> evaluation,
    Optional<String> modelPath,
    Instant createdAt) {

  public String task() {
    return lineage.task();
  }

  public String head() {
    return lineage.head();
  }

  public int windowDays() {
    return lineage.windowDays();
  }

  public LocalDate trainFirstDay() {
    return lineage.trainFirstDay();
  }

  public LocalDate trainLastDay() {
    return lineage.trainLastDay();
  }

  public LocalDate evaluationDay() {
    return lineage.evaluationDay();
  }

  /** Whether {@code day} lies in this version's training span, both ends included. */
  public boolean trainedOn(LocalDate day) {
    return lineage.trainedOn(day);
  }

  /** The model folder of a registered version. */
  public String requireModelPath() {
    return modelPath.orElseThrow(() -> new IllegalStateException(
        "version " + version + " is " + status.label() + " and has no model files"));
  }
}
