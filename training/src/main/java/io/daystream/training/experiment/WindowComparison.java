package io.daystream.training.experiment;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PooledRce;
import io.daystream.training.experiment.DayModels.DayModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which training window serves a head best over a range of days: per head and window, the mean
 * and spread of the daily RCE, the RCE pooled over the range, and how many days it won.
 */
public final class WindowComparison {

  /**
   * @param days days with a model of this window
   * @param spread the sample standard deviation of the daily RCE (0 for one day)
   * @param wins days on which this window had the head's highest RCE (a tie counts for the
   *     shorter window)
   */
  public record WindowStats(String head, int window, int days, double meanRce, double spread,
      OptionalDouble pooledRce, int wins) {}

  private WindowComparison() {}

  public static List<WindowStats> of(List<DayModel> models) {
    Map<String, Map<Integer, List<DayModel>>> byHead = models.stream().filter(m -> m.metrics().rce().isPresent())
        .collect(Collectors.groupingBy(DayModel::head, TreeMap::new,
            Collectors.groupingBy(DayModel::window, TreeMap::new, Collectors.toList())));
    List<WindowStats> stats = new ArrayList<>();
    byHead.forEach((head, byWindow) -> {
      Map<Integer, Integer> wins = wins(byWindow);
      byWindow.forEach((window, days) -> {
        double[] rces = days.stream().mapToDouble(m -> m.metrics().rce().getAsDouble()).toArray();
        List<BinaryMetrics> metrics = days.stream().map(DayModel::metrics).toList();
        stats.add(new WindowStats(head, window, rces.length, mean(rces), spread(rces), PooledRce.of(metrics),
            wins.getOrDefault(window, 0)));
      });
    });
    return stats;
  }

  private static Map<Integer, Integer> wins(Map<Integer, List<DayModel>> byWindow) {
    Map<LocalDate, DayModel> best = new TreeMap<>();
    Comparator<DayModel> better = Comparator.comparingDouble((DayModel m) -> m.metrics().rce().getAsDouble())
        .thenComparing(Comparator.comparingInt(DayModel::window).reversed());
    byWindow.values().stream().flatMap(List::stream)
        .forEach(model -> best.merge(model.day(), model, (a, b) -> better.compare(a, b) >= 0 ? a : b));
    Map<Integer, Integer> wins = new TreeMap<>();
    best.values().forEach(model -> wins.merge(model.window(), 1, Integer::sum));
    return wins;
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  static double spread(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
