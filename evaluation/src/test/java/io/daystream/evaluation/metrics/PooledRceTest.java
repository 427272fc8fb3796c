package io.daystream.evaluation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PooledRceTest {

  private static final double[] DAY1_P = {0.9, 0.8, 0.3, 0.2, 0.1};
  private static final int[] DAY1_Y = {1, 1, 0, 0, 0};
  private static final double[] DAY2_P = {0.6, 0.4, 0.4, 0.05};
  private static final int[] DAY2_Y = {1, 1, 0, 0};

  @Test
  void poolingDaysEqualsTheRceOfAllTheirRowsTogether() {
    double[] allP = {0.9, 0.8, 0.3, 0.2, 0.1, 0.6, 0.4, 0.4, 0.05};
    int[] allY = {1, 1, 0, 0, 0, 1, 1, 0, 0};

    double pooled = PooledRce.of(List.of(BinaryMetrics.of(DAY1_P, DAY1_Y), BinaryMetrics.of(DAY2_P, DAY2_Y)))
        .orElseThrow();

    assertEquals(BinaryMetrics.of(allP, allY).rce().orElseThrow(), pooled, 1e-9);
  }

  @Test
  void itIsNotTheMeanOfTheDailyRces() {
    BinaryMetrics day1 = BinaryMetrics.of(DAY1_P, DAY1_Y);
    BinaryMetrics day2 = BinaryMetrics.of(DAY2_P, DAY2_Y);
    double mean = (day1.rce().orElseThrow() + day2.rce().orElseThrow()) / 2;

    assertNotEquals(mean, PooledRce.of(List.of(day1, day2)).orElseThrow(), 1e-3);
  }

  @Test
  void oneClassOrNothingHasNoRce() {
    assertTrue(PooledRce.of(List.of()).isEmpty());
    assertTrue(PooledRce.of(List.of(BinaryMetrics.of(new double[] {0.2, 0.3}, new int[] {0, 0}))).isEmpty());
  }
}
