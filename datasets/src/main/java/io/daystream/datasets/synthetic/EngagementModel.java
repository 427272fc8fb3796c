package io.daystream.datasets.synthetic;

import io.daystream.datasets.schema.EngagementProbabilities;

/**
 * The true probability of each engagement type for one impression: a logistic model of what
 * the simulated world knows about the user, the tweet and its author.
 *
 * <pre>
 *   logit p_type = base_type
 *                + wInterest_type   * interest(user, topic, day)
 *                + wTrend_type      * trend(topic, day)
 *                + wPopularity_type * popularity(author)
 *                + wFollows_type    * follows(user, author)
 *                - wAge_type        * ageHours / 24
 * </pre>
 *
 * <ul>
 *   <li>interest: the user's log interest weight in the tweet's topic, centered over topics
 *       (0 = the user's average topic; spread about 1, drifting, see {@link DriftProcess}),
 *   <li>trend: the topic's trend that day (N(0, 1), drifting),
 *   <li>popularity: the author's z ~ N(0, 1), which log(follower count) reflects,
 *   <li>follows: 1 if the user follows the author, else 0,
 *   <li>ageHours: hours from the tweet's creation to the impression (0 to 72).
 * </ul>
 *
 * <table>
 *   <caption>Weights</caption>
 *   <tr><th>type</th><th>base</th><th>interest</th><th>trend</th><th>popularity</th>
 *       <th>follows</th><th>age</th><th>mean p (defaults)</th></tr>
 *   <tr><td>like</td><td>-2.9</td><td>0.6</td><td>1.0</td><td>0.25</td><td>0.8</td>
 *       <td>0.5</td><td>~15%</td></tr>
 *   <tr><td>retweet</td><td>-4.45</td><td>0.5</td><td>1.2</td><td>0.4</td><td>0.6</td>
 *       <td>0.6</td><td>~5%</td></tr>
 *   <tr><td>reply</td><td>-5.3</td><td>0.8</td><td>0.8</td><td>0.0</td><td>1.3</td>
 *       <td>0.9</td><td>~2%</td></tr>
 *   <tr><td>quote</td><td>-6.65</td><td>0.6</td><td>1.2</td><td>0.3</td><td>0.5</td>
 *       <td>0.7</td><td>~0.6%</td></tr>
 * </table>
 *
 * <p>Why these weights: the trend carries the largest weight because it is what a text model
 * can see (the tweet's words reveal its topic) and what drifts, so a stale model visibly loses
 * RCE. Likes are cheap and loyal (follows matter); retweets and quotes amplify what is trending
 * and famous; replies are conversations with people one follows, about things one cares about,
 * and die fastest with age. The bases put the mean probabilities of the default world in the
 * RecSys 2020 ranges (like 10-20%, retweet 3-8%, reply 1-3%, quote 0.3-1%).
 *
 * <p>{@link #forecast} is the best prediction that the past allows: the expected probability
 * given the exact state of the day before, its drift still to come. It bounds what a model that
 * learns from earlier days can reach, as the true probabilities bound any model.
 */
final class EngagementModel {

  private static final TypeWeights LIKE = new TypeWeights(-2.9, 0.6, 1.0, 0.25, 0.8, 0.5);
  private static final TypeWeights RETWEET = new TypeWeights(-4.45, 0.5, 1.2, 0.4, 0.6, 0.6);
  private static final TypeWeights REPLY = new TypeWeights(-5.3, 0.8, 0.8, 0.0, 1.3, 0.9);
  private static final TypeWeights QUOTE = new TypeWeights(-6.65, 0.6, 1.2, 0.3, 0.5, 0.7);

  private static final double HOURS_PER_DAY = 24.0;

  EngagementProbabilities probabilities(
      double interest, double trend, double popularity, boolean follows, double ageHours) {
    double ageDays = ageHours / HOURS_PER_DAY;
    double followed = follows ? 1.0 : 0.0;
    return new EngagementProbabilities(
        LIKE.probability(interest, trend, popularity, followed, ageDays),
        REPLY.probability(interest, trend, popularity, followed, ageDays),
        RETWEET.probability(interest, trend, popularity, followed, ageDays),
        QUOTE.probability(interest, trend, popularity, followed, ageDays));
  }

  /**
   * The expected probability of each type when the interest and the trend are known only as
   * normal distributions (independent): {@code E[sigmoid(logit)]} over them, the prediction with
   * the least expected log loss given that knowledge.
   */
  EngagementProbabilities forecast(
      double interestMean, double interestVariance, double trendMean, double trendVariance,
      double popularity, boolean follows, double ageHours) {
    double ageDays = ageHours / HOURS_PER_DAY;
    double followed = follows ? 1.0 : 0.0;
    return new EngagementProbabilities(
        LIKE.expected(interestMean, interestVariance, trendMean, trendVariance, popularity, followed, ageDays),
        REPLY.expected(interestMean, interestVariance, trendMean, trendVariance, popularity, followed, ageDays),
        RETWEET.expected(interestMean, interestVariance, trendMean, trendVariance, popularity, followed, ageDays),
        QUOTE.expected(interestMean, interestVariance, trendMean, trendVariance, popularity, followed, ageDays));
  }

  /**
   * E[sigmoid(mean + sd * Z)], Z ~ N(0, 1), by the trapezoid rule on a grid of Z: for a smooth
   * integrand under a Gaussian weight its error falls exponentially with the step, far below
   * double precision here (|Z| beyond 8 has a weight under 1e-14).
   */
  static double expectedSigmoid(double mean, double sd) {
    double sum = 0.0;
    for (int i = 0; i < NORMAL_GRID.length; i++) {
      sum += NORMAL_WEIGHTS[i] / (1.0 + Math.exp(-(mean + sd * NORMAL_GRID[i])));
    }
    return sum;
  }

  private static final double GRID_STEP = 0.25;
  private static final double GRID_REACH = 8.0;
  private static final double[] NORMAL_GRID;
  private static final double[] NORMAL_WEIGHTS;

  static {
    int points = (int) Math.round(2 * GRID_REACH / GRID_STEP) + 1;
    NORMAL_GRID = new double[points];
    NORMAL_WEIGHTS = new double[points];
    double total = 0.0;
    for (int i = 0; i < points; i++) {
      NORMAL_GRID[i] = -GRID_REACH + i * GRID_STEP;
      NORMAL_WEIGHTS[i] = Math.exp(-0.5 * NORMAL_GRID[i] * NORMAL_GRID[i]);
      total += NORMAL_WEIGHTS[i];
    }
    for (int i = 0; i < points; i++) {
      NORMAL_WEIGHTS[i] /= total;
    }
  }

  private record TypeWeights(
      double base, double interest, double trend, double popularity, double follows,
      double agePerDay) {

    double probability(
        double interestValue, double trendValue, double popularityValue, double followed,
        double ageDays) {
      double logit = logit(interestValue, trendValue, popularityValue, followed, ageDays);
      return 1.0 / (1.0 + Math.exp(-logit));
    }

    private double logit(
        double interestValue, double trendValue, double popularityValue, double followed,
        double ageDays) {
      return base
          + interest * interestValue
          + trend * trendValue
          + popularity * popularityValue
          + follows * followed
          - agePerDay * ageDays;
    }

    double expected(
        double interestMean, double interestVariance, double trendMean, double trendVariance,
        double popularityValue, double followed, double ageDays) {
      double meanLogit = logit(interestMean, trendMean, popularityValue, followed, ageDays);
      double variance = interest * interest * interestVariance + trend * trend * trendVariance;
      return expectedSigmoid(meanLogit, Math.sqrt(variance));
    }
  }
}
