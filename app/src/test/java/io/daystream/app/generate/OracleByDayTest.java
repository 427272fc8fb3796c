package io.daystream.app.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.EngagementProbabilities;
import io.daystream.evaluation.metrics.BinaryMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OracleByDayTest {

  @Test
  void eachDayAndHeadGetsTheMetricsOfItsTrueProbabilities() {
    OracleByDay oracle = new OracleByDay();
    Instant day1 = Instant.parse("2020-03-01T10:00:00Z");
    Instant day2 = Instant.parse("2020-03-02T10:00:00Z");
    oracle.add(impression(day1, 0.9, true));
    oracle.add(impression(day1, 0.2, false));
    oracle.add(impression(day1, 0.6, true));
    oracle.add(impression(day2, 0.5, false));
    oracle.add(impression(day2, 0.5, true));
    // Real data carries no truth: it must not count.
    oracle.add(new Engagement("u", "t", "a", 1, 1, false, 1, 1, false, false, day2, day2, null, null, null, null));

    Map<LocalDate, Map<String, BinaryMetrics>> metrics = oracle.metrics();

    BinaryMetrics like1 = metrics.get(LocalDate.of(2020, 3, 1)).get("like");
    BinaryMetrics expected = BinaryMetrics.of(new double[] {0.9, 0.2, 0.6}, new int[] {1, 0, 1});
    assertEquals(3, like1.rows());
    assertEquals(2, like1.positives());
    assertEquals(expected.rce().getAsDouble(), like1.rce().getAsDouble(), 1e-12);
    BinaryMetrics like2 = metrics.get(LocalDate.of(2020, 3, 2)).get("like");
    assertEquals(2, like2.rows());
    // Predicting 0.5 on a day whose positive rate is 0.5 is exactly the straw man.
    assertEquals(0.0, like2.rce().getAsDouble(), 1e-12);
    // Nobody replied on day 1: RCE is undefined there, not a number.
    assertEquals(true, metrics.get(LocalDate.of(2020, 3, 1)).get("reply").rce().isEmpty());
  }

  @Test
  void theForecastIsJudgedOnTheSameOutcomesApartFromTheOracle() {
    OracleByDay oracle = new OracleByDay();
    Instant day = Instant.parse("2020-03-01T10:00:00Z");
    oracle.add(impression(day, 0.9, true), new EngagementProbabilities(0.5, 0.01, 0.02, 0.001));
    oracle.add(impression(day, 0.2, false), new EngagementProbabilities(0.5, 0.01, 0.02, 0.001));
    // An impression without a forecast counts for the oracle alone.
    oracle.add(impression(day, 0.6, true), null);

    BinaryMetrics truth = oracle.metrics().get(LocalDate.of(2020, 3, 1)).get("like");
    BinaryMetrics forecast = oracle.forecastMetrics().get(LocalDate.of(2020, 3, 1)).get("like");
    assertEquals(3, truth.rows());
    assertEquals(2, forecast.rows());
    // 0.5 on a set whose positive rate is 0.5: exactly the straw man.
    assertEquals(0.0, forecast.rce().getAsDouble(), 1e-12);
    assertEquals(BinaryMetrics.of(new double[] {0.9, 0.2, 0.6}, new int[] {1, 0, 1}).rce().getAsDouble(),
        truth.rce().getAsDouble(), 1e-12);
  }

  private static Engagement impression(Instant at, double pLike, boolean liked) {
    return new Engagement("u" + pLike, "t" + at, "a", 10, 10, false, 10, 10, false, false, at,
        liked ? at.plusSeconds(5) : null, null, null, null, new EngagementProbabilities(pLike, 0.01, 0.02, 0.001));
  }
}
