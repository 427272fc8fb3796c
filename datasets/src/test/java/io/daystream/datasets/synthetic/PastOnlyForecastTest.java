package io.daystream.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.EngagementProbabilities;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PastOnlyForecastTest {

  private static final SimulationSettings SMALL = SimulationSettings.defaults().withDays(6).withVolume(100, 3000);

  @Test
  void theExpectedSigmoidMatchesAFineNumericalIntegral() {
    for (double mean : new double[] {-6.0, -2.9, 0.0, 1.5}) {
      for (double sd : new double[] {0.0, 0.3, 1.0, 2.0}) {
        assertEquals(fineIntegral(mean, sd), EngagementModel.expectedSigmoid(mean, sd), 1e-9, mean + " " + sd);
      }
    }
    // Symmetry: the noise cannot move an even bet.
    assertEquals(0.5, EngagementModel.expectedSigmoid(0.0, 1.3), 1e-12);
  }

  @Test
  void withoutDriftTheForecastIsTheTruthAfterTheFirstDay() {
    EngagementSimulator simulator = new EngagementSimulator(SMALL.withDriftRate(0.0));
    List<Pair> day3 = pairs(simulator, 3);
    for (Pair pair : day3) {
      EngagementProbabilities truth = pair.engagement().trueProbabilities();
      assertEquals(truth.like(), pair.forecast().like(), 1e-12);
      assertEquals(truth.quote(), pair.forecast().quote(), 1e-12);
    }
  }

  @Test
  void theSameEngagementsAsWithoutTheForecast() {
    EngagementSimulator simulator = new EngagementSimulator(SMALL);
    List<Engagement> plain = new ArrayList<>();
    simulator.forEachEngagement(4, plain::add);
    List<Pair> forecast = pairs(new EngagementSimulator(SMALL), 4);
    assertEquals(plain, forecast.stream().map(Pair::engagement).toList());
  }

  @Test
  void withDriftTheForecastLosesToTheOracleAndBeatsTheConstantRate() {
    EngagementSimulator simulator = new EngagementSimulator(SMALL.withDriftRate(0.3));
    double oracle = 0.0;
    double forecast = 0.0;
    for (int day = 1; day < SMALL.days(); day++) {
      for (Pair pair : pairs(simulator, day)) {
        boolean liked = pair.engagement().likeAt() != null;
        oracle += logLoss(pair.engagement().trueProbabilities().like(), liked);
        forecast += logLoss(pair.forecast().like(), liked);
      }
    }
    assertTrue(forecast > oracle, "forecast " + forecast + " vs oracle " + oracle);
    // And it is a forecast, not noise: far better than the day's constant rate.
    assertTrue(forecast < 0.97 * constantRateLoss(simulator), "forecast " + forecast);
  }

  @Test
  void theFirstDayHasAForecastWithoutAPast() {
    for (Pair pair : pairs(new EngagementSimulator(SMALL), 0)) {
      assertNotNull(pair.forecast());
    }
  }

  private static double constantRateLoss(EngagementSimulator simulator) {
    double loss = 0.0;
    for (int day = 1; day < SMALL.days(); day++) {
      List<Pair> pairs = pairs(simulator, day);
      double rate = pairs.stream().filter(p -> p.engagement().likeAt() != null).count() / (double) pairs.size();
      for (Pair pair : pairs) {
        loss += logLoss(rate, pair.engagement().likeAt() != null);
      }
    }
    return loss;
  }

  private static double logLoss(double p, boolean positive) {
    return -Math.log(positive ? p : 1.0 - p);
  }

  private static double fineIntegral(double mean, double sd) {
    double step = 1e-3;
    double sum = 0.0;
    double weights = 0.0;
    for (double z = -12.0; z <= 12.0; z += step) {
      double weight = Math.exp(-0.5 * z * z);
      sum += weight / (1.0 + Math.exp(-(mean + sd * z)));
      weights += weight;
    }
    return sum / weights;
  }

  private record Pair(Engagement engagement, EngagementProbabilities forecast) {}

  private static List<Pair> pairs(EngagementSimulator simulator, int day) {
    List<Pair> pairs = new ArrayList<>();
    simulator.forEachEngagementWithForecast(day, (e, f) -> pairs.add(new Pair(e, f)));
    return pairs;
  }
}
