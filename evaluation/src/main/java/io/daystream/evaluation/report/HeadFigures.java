package io.daystream.evaluation.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the range report shows of one head.
 *
 * @param rceSeries RCE per evaluation day, by series name ("3-day window", ..., "oracle")
 * @param champions every move of the champion, in order
 * @param staleness RCE by model age, when a staleness experiment of the range was run
 * @param calibration the champion's calibration on the last day, when it serves
 */
public record HeadFigures(String head, Map<String, List<DayValue>> rceSeries, List<ChampionStep> champions,
    List<AgeValue> staleness, Optional<Calibration> calibration) {

  /** One day's value of a series. */
  public record DayValue(LocalDate day, double value) {}

  /** A champion move: the version promoted, the day it was judged on, its window, the action. */
  public record ChampionStep(LocalDate evaluationDay, String version, int window, String action) {}

  /** The RCE of models of one age, pooled over the range. */
  public record AgeValue(int age, double pooledRce, int judgements) {}

  /** Predicted against observed rates, in bins of the predicted probability. */
  public record Calibration(String version, LocalDate day, List<Bin> bins) {

    /** One bin: the mean predicted probability, the observed positive rate, how many rows. */
    public record Bin(double meanPredicted, double observedRate, long rows) {}
  }
}
