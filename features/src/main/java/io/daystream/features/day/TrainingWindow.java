package io.daystream.features.day;

import java.time.LocalDate;

/**
 * The days a model of a daily run for day D learns from: the {@code days} days before D.
 * D itself is never inside the window: it is the evaluation day.
 */
public record TrainingWindow(LocalDate evaluationDay, int days) {

  public TrainingWindow {
    if (evaluationDay == null) {
      throw new IllegalArgumentException("evaluation day is required");
    }
    if (days < 1) {
      throw new IllegalArgumentException("a training window needs at least 1 day, got " + days);
    }
  }

  public LocalDate firstDay() {
    return evaluationDay.minusDays(days);
  }

  public LocalDate lastDay() {
    return evaluationDay.minusDays(1);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
  }

  @Override
  public String toString() {
    return days + "d [" + firstDay() + " .. " + lastDay() + "] -> " + evaluationDay;
  }
}
