package io.daystream.training.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One trained model and how it did on its evaluation day. RCE and PR-AUC are empty when the
 * evaluation day held a single class, where they are undefined.
 */
public record ModelVersion(
    String version,
    String task,
    String head,
    int windowDays,
    LocalDate trainFirstDay,
    LocalDate trainLastDay,
    LocalDate evaluationDay,
    long trainRows,
    long evalRows,
    long evalPositives,
    OptionalDouble rce,
    OptionalDouble prAuc,
    double logLoss,
    String modelPath,
    Instant trainedAt) {

  /** Whether {@code day} lies in this version's training span, both ends included. */
  public boolean trainedOn(LocalDate day) {
    return !day.isBefore(trainFirstDay) && !day.isAfter(trainLastDay);
  }

  /** A readable id, the same for the same task, head, window and day, so re-runs replace. */
  public static String versionId(String task, String head, int windowDays, LocalDate evaluationDay) {
    return task + "-" + head + "-w" + windowDays + "-" + evaluationDay;
  }
}
