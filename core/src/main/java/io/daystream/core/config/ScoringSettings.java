package io.daystream.core.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The score job: how the engagement heads' probabilities combine into one ranking score, how
 * many tweets a request gets back, how often a micro-batch runs.
 *
 * @param headWeights weight of each scored head, by head name; every weight finite and
 *     non-negative, at least one positive
 * @param shadow {@code none}, or {@code runner-up}: each head's best non-champion version of its
 *     latest retraining is scored beside the champion (not served), for its live metrics
 */
public record ScoringSettings(Map<String, Double> headWeights, int topN, Duration trigger, String shadow) {

  public static final String NO_SHADOW = "none";
  public static final String RUNNER_UP = "runner-up";

  public boolean scoresShadows() {
    return shadow.equals(RUNNER_UP);
  }

  public ScoringSettings {
    headWeights = Collections.unmodifiableMap(new TreeMap<>(headWeights));
  }

  static ScoringSettings from(ConfigReader c) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : c.stringMap("head-weights").entrySet()) {
      String key = "head-weights." + entry.getKey();
      double weight;
      try {
        weight = Double.parseDouble(entry.getValue());
      } catch (NumberFormatException e) {
        throw c.bad(key, "must be a number, was '" + entry.getValue() + "'");
      }
      if (!Double.isFinite(weight) || weight < 0) {
        throw c.bad(key, "must be a finite number >= 0, was " + entry.getValue());
      }
      weights.put(entry.getKey(), weight);
    }
    if (weights.values().stream().noneMatch(w -> w > 0)) {
      throw c.bad("head-weights", "must give at least one head a positive weight, was " + weights);
    }
    String shadow = c.string("shadow");
    if (!shadow.equals(NO_SHADOW) && !shadow.equals(RUNNER_UP)) {
      throw c.bad("shadow", "must be '" + NO_SHADOW + "' or '" + RUNNER_UP + "', was '" + shadow + "'");
    }
    return new ScoringSettings(weights, c.intAtLeast("top-n", 1), c.positiveDuration("trigger"), shadow);
  }
}
