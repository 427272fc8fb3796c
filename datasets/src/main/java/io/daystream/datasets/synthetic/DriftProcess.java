package io.daystream.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * How the world changes from one day to the next: topic trends and user interests each follow
 * a mean-reverting random walk (a Gaussian AR(1) process) whose daily step is set by the drift
 * rate {@code r}:
 *
 * <pre>
 *   x(d) = (1 - r) * x(d-1) + sqrt(1 - (1 - r)^2) * spread * N(0, 1)
 * </pre>
 *
 * <p>Day 0 is drawn from the same process's stationary distribution N(0, spread^2), so the size
 * of the effects is the same on every day and for every drift rate; the drift rate only sets how
 * fast they change (the correlation between days d and d + k is (1 - r)^k). Interest scores are
 * re-centered over topics after each step: that is the renormalization of a user's interest
 * weights, {@code softmax(scores)}. With {@code r = 0} a state is carried over unchanged.
 */
final class DriftProcess {

  /**
   * Standard deviation of a topic's trend, in logit units. 1.0 makes the trend the largest
   * effect a tweet's topic has on engagement (see {@link EngagementModel}), so that a model that
   * learned last week's topic rates suffers from drift.
   */
  static final double TREND_SPREAD = 1.0;

  /**
   * Standard deviation of a user's log interest weight across topics. 1.0 gives users a clear
   * favourite or two (the top topic of 8 typically gets about 30% of the weight), not a single one.
   */
  static final double INTEREST_SPREAD = 1.0;

  private final long seed;
  private final int users;
  private final int topics;
  private final double driftRate;

  DriftProcess(SimulationSettings settings) {
    this.seed = settings.seed();
    this.users = settings.users();
    this.topics = settings.topics();
    this.driftRate = settings.driftRate();
  }

  double[] initialTrends() {
    SplittableRandom random = RandomStream.TREND_DRIFT.random(seed, 0);
    double[] trends = new double[topics];
    for (int topic = 0; topic < topics; topic++) {
      trends[topic] = TREND_SPREAD * random.nextGaussian();
    }
    return trends;
  }

  /** Users x topics interest scores of day 0, row-major, each row centered. */
  double[] initialInterests() {
    SplittableRandom random = RandomStream.INTEREST_DRIFT.random(seed, 0);
    double[] interests = new double[Math.multiplyExact(users, topics)];
    for (int i = 0; i < interests.length; i++) {
      interests[i] = INTEREST_SPREAD * random.nextGaussian();
    }
    centerRows(interests);
    return interests;
  }

  /**
   * What the day before tells of a drifting value on the next day: its expected value is
   * {@code persistence() * x(d-1)}, around which it varies by the innovation's variance. Day 0 has
   * no day before: its values are the stationary N(0, spread^2) (persistence 0).
   */
  double persistence(int dayIndex) {
    return dayIndex == 0 ? 0.0 : 1.0 - driftRate;
  }

  /** Variance of a topic's trend on {@code dayIndex} given the trend of the day before. */
  double trendInnovationVariance(int dayIndex) {
    return innovationShare(dayIndex) * TREND_SPREAD * TREND_SPREAD;
  }

  /**
   * Variance of a user's interest score in one topic on {@code dayIndex} given the scores of the
   * day before: the step's noise after re-centering over topics, which removes 1/topics of it.
   */
  double interestInnovationVariance(int dayIndex) {
    return innovationShare(dayIndex) * INTEREST_SPREAD * INTEREST_SPREAD * (1.0 - 1.0 / topics);
  }

  private double innovationShare(int dayIndex) {
    double keep = persistence(dayIndex);
    return 1.0 - keep * keep;
  }

  /** The trends of {@code dayIndex}, given those of the day before; a new array unless r = 0. */
  double[] nextTrends(double[] previous, int dayIndex) {
    if (driftRate == 0.0) {
      return previous;
    }
    SplittableRandom random = RandomStream.TREND_DRIFT.random(seed, dayIndex);
    double[] trends = previous.clone();
    step(trends, TREND_SPREAD, random);
    return trends;
  }

  /** The interests of {@code dayIndex}, given those of the day before; new unless r = 0. */
  double[] nextInterests(double[] previous, int dayIndex) {
    if (driftRate == 0.0) {
      // Exactly the same numbers: re-centering would otherwise add rounding noise.
      return previous;
    }
    SplittableRandom random = RandomStream.INTEREST_DRIFT.random(seed, dayIndex);
    double[] interests = previous.clone();
    step(interests, INTEREST_SPREAD, random);
    centerRows(interests);
    return interests;
  }

  private void step(double[] values, double spread, SplittableRandom random) {
    double keep = 1.0 - driftRate;
    double noise = Math.sqrt(1.0 - keep * keep) * spread;
    for (int i = 0; i < values.length; i++) {
      values[i] = keep * values[i] + noise * random.nextGaussian();
    }
  }

  private void centerRows(double[] interests) {
    for (int row = 0; row < users; row++) {
      int from = row * topics;
      double mean = 0.0;
      for (int topic = 0; topic < topics; topic++) {
        mean += interests[from + topic];
      }
      mean /= topics;
      for (int topic = 0; topic < topics; topic++) {
        interests[from + topic] -= mean;
      }
    }
  }
}
