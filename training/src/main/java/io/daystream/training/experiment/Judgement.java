package io.daystream.training.experiment;

import io.daystream.evaluation.metrics.BinaryMetrics;
import java.time.LocalDate;

/** A model trained for {@code modelDay} judged, unchanged, on {@code judgedDay}. */
public record Judgement(String head, String version, LocalDate modelDay, LocalDate judgedDay, BinaryMetrics metrics) {

  /** Days between the model's own evaluation day and the day judged: 0 is a model retrained daily. */
  public int age() {
    return (int) (judgedDay.toEpochDay() - modelDay.toEpochDay());
  }
}
