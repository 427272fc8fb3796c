package io.daystream.evaluation.metrics;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The RCE of several disjoint prediction sets taken as one, e.g. every day of a range: their log
 * losses weighted by rows, against the straw man that predicts the pooled positive rate. Unlike
 * the mean of daily RCEs, it weighs each example once, and a day's own rate does not become part
 * of the straw man.
 */
public final class PooledRce {

  private PooledRce() {}

  /** Empty when the sets are empty or hold one class only. */
  public static OptionalDouble of(Collection<BinaryMetrics> sets) {
    long rows = 0;
    long positives = 0;
    NeumaierSum loss = new NeumaierSum();
    for (BinaryMetrics set : sets) {
      rows += set.rows();
      positives += set.positives();
      loss.add(set.logLoss() * set.rows());
    }
    if (rows == 0 || positives == 0 || positives == rows) {
      return OptionalDouble.empty();
    }
    double rate = (double) positives / rows;
    double strawman = -(positives * Math.log(rate) + (rows - positives) * Math.log(1 - rate)) / rows;
    return OptionalDouble.of((1.0 - loss.value() / rows / strawman) * 100.0);
  }
}
