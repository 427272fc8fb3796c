package io.daystream.training.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PooledRce;
import io.daystream.training.experiment.DayModels.DayModel;
import io.daystream.training.experiment.WindowComparison.WindowStats;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowComparisonTest {

  private static final LocalDate D1 = LocalDate.of(2020, 3, 10);
  private static final LocalDate D2 = D1.plusDays(1);
  private static final LocalDate D3 = D1.plusDays(2);

  private static final BinaryMetrics GOOD = BinaryMetrics.of(new double[] {0.9, 0.8, 0.3, 0.2}, new int[] {1, 1, 0, 0});
  private static final BinaryMetrics FAIR = BinaryMetrics.of(new double[] {0.6, 0.6, 0.4, 0.4}, new int[] {1, 1, 0, 0});
  private static final BinaryMetrics POOR = BinaryMetrics.of(new double[] {0.4, 0.4, 0.6, 0.6}, new int[] {1, 1, 0, 0});

  private static DayModel model(String head, int window, LocalDate day, BinaryMetrics metrics) {
    return new DayModel(head + window + day, head, window, day, metrics);
  }

  @Test
  void meanSpreadPooledAndWinsPerHeadAndWindow() {
    List<WindowStats> stats = WindowComparison.of(List.of(
        model("like", 3, D1, GOOD), model("like", 7, D1, FAIR),
        model("like", 3, D2, POOR), model("like", 7, D2, FAIR),
        model("like", 3, D3, GOOD), model("like", 7, D3, GOOD)));

    WindowStats three = stats.get(0);
    WindowStats seven = stats.get(1);
    assertEquals(3, three.window());
    assertEquals(3, three.days());
    double good = GOOD.rce().orElseThrow();
    double poor = POOR.rce().orElseThrow();
    double fair = FAIR.rce().orElseThrow();
    assertEquals((2 * good + poor) / 3, three.meanRce(), 1e-9);
    double mean = (2 * good + poor) / 3;
    double spread = Math.sqrt((2 * (good - mean) * (good - mean) + (poor - mean) * (poor - mean)) / 2);
    assertEquals(spread, three.spread(), 1e-9);
    assertEquals(PooledRce.of(List.of(GOOD, POOR, GOOD)).orElseThrow(), three.pooledRce().orElseThrow(), 1e-9);
    // D1: 3 wins, D2: 7 wins, D3: a tie goes to the shorter window.
    assertEquals(2, three.wins());
    assertEquals(1, seven.wins());
    assertEquals((2 * fair + good) / 3, seven.meanRce(), 1e-9);
  }

  @Test
  void headsAreComparedApartAndOneDayHasNoSpread() {
    List<WindowStats> stats = WindowComparison.of(List.of(model("reply", 3, D1, FAIR), model("like", 3, D1, POOR)));

    assertEquals(List.of("like", "reply"), stats.stream().map(WindowStats::head).toList());
    assertEquals(0.0, stats.get(0).spread());
    assertEquals(1, stats.get(0).wins());
    assertEquals(1, stats.get(1).wins());
  }
}
