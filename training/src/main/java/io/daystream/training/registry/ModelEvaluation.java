package io.daystream.training.registry;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How a version did on its evaluation day: the rows and positives judged and the metrics by name
 * ({@value #RCE}, {@value #PR_AUC}, {@value #LOG_LOSS}, …). A metric undefined that day (RCE on a
 * single-class day) is absent, not NaN.
 */
public record ModelEvaluation(long rows, long positives, Map<String, Double> metrics) {

  public static final String RCE = "rce";
  public static final String PR_AUC = "pr_auc";
  public static final String LOG_LOSS = "log_loss";

  public ModelEvaluation {
    if (rows < 0 || positives < 0 || positives > rows) {
      throw new IllegalArgumentException("evaluated rows " + rows + " and positives " + positives
          + " must satisfy 0 <= positives <= rows");
    }
    metrics.forEach((name, value) -> {
      if (value == null || value.isNaN()) {
        throw new IllegalArgumentException("metric " + name + " is " + value + ": leave an undefined metric out");
      }
    });
    metrics = Map.copyOf(new TreeMap<>(metrics));
  }

  public OptionalDouble metric(String name) {
    Double value = metrics.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  public OptionalDouble rce() {
    return metric(RCE);
  }
}
