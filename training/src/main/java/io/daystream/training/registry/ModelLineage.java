package io.daystream.training.registry;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a model version was made from, fixed before training starts: its task and head, the
 * training window (days {@code trainFirstDay..trainLastDay}, both included) and the day it is
 * judged on, the Delta versions of the tables it read (table folder to version), the feature-set
 * version, the model family with its parameters, the seed, and the rows and positives it learnt
 * from. Maps are copied and sorted, so equal lineages compare equal.
 */
public record ModelLineage(
    String task,
    String head,
    int windowDays,
    LocalDate trainFirstDay,
    LocalDate trainLastDay,
    LocalDate evaluationDay,
    Map<String, Long> tableVersions,
    String featureSetVersion,
    String modelFamily,
    Map<String, String> parameters,
    long seed,
    long trainRows,
    long trainPositives) {

  /** Task and head names: lower-case words, so they are safe as table partition values. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public ModelLineage {
    requireName("task", task);
    requireName("head", head);
    if (windowDays < 1) {
      throw new IllegalArgumentException("window must be at least 1 day, not " + windowDays);
    }
    Objects.requireNonNull(trainFirstDay, "trainFirstDay");
    Objects.requireNonNull(trainLastDay, "trainLastDay");
    Objects.requireNonNull(evaluationDay, "evaluationDay");
    if (trainLastDay.isBefore(trainFirstDay)) {
      throw new IllegalArgumentException("training ends " + trainLastDay + " before it starts " + trainFirstDay);
    }
    if (!evaluationDay.isAfter(trainLastDay)) {
      throw new IllegalArgumentException("evaluation day " + evaluationDay + " must follow the training days, the "
          + "last of which is " + trainLastDay);
    }
    if (trainRows < 0 || trainPositives < 0 || trainPositives > trainRows) {
      throw new IllegalArgumentException("train rows " + trainRows + " and positives " + trainPositives
          + " must satisfy 0 <= positives <= rows");
    }
    tableVersions = Map.copyOf(new TreeMap<>(tableVersions));
    parameters = Map.copyOf(new TreeMap<>(parameters));
    Objects.requireNonNull(featureSetVersion, "featureSetVersion");
    Objects.requireNonNull(modelFamily, "modelFamily");
  }

  /** Whether {@code day} lies in the training span, both ends included; the evaluation day does not. */
  public boolean trainedOn(LocalDate day) {
    return !day.isBefore(trainFirstDay) && !day.isAfter(trainLastDay);
  }

  /**
   * The readable stem of every version id of this task, head, window and evaluation day; the
   * registry appends a sequence number ({@code -r1}, {@code -r2}, …) so a re-run gets a new id.
   */
  public String versionStem() {
    return task + "-" + head + "-w" + windowDays + "-" + evaluationDay;
  }

  static void requireName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must be a lower-case word ([a-z][a-z0-9_]*), not '" + name + "'");
    }
  }
}
