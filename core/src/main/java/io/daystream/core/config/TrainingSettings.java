package io.daystream.core.config;

import java.util.List;
import java.util.Set;

/**
 * Windows, heads and classifier settings of the daily retraining.
 *
 * @param textTerms whether an engagement model reads the tweet's hashed words besides its topic
 *     and sentiment
 */
public record TrainingSettings(
    List<Integer> windows, List<String> heads, int maxIterations, double regParam, double elasticNetParam,
    boolean standardization, boolean textTerms) {

  /** The engagement heads of the RecSys Challenge 2020. */
  public static final Set<String> KNOWN_HEADS = Set.of("like", "reply", "retweet", "quote");

  static TrainingSettings from(ConfigReader c) {
    List<String> heads = c.stringList("heads");
    if (heads.isEmpty()) {
      throw c.bad("heads", "must list at least one head");
    }
    for (String head : heads) {
      if (!KNOWN_HEADS.contains(head)) {
        throw c.bad("heads", "unknown head '" + head + "', expected some of " + KNOWN_HEADS);
      }
    }
    return new TrainingSettings(
        c.positiveIntList("windows"),
        heads,
        c.intAtLeast("max-iterations", 1),
        c.doubleIn("reg-param", 0.0, Double.MAX_VALUE),
        c.doubleIn("elastic-net-param", 0.0, 1.0),
        c.bool("standardization"),
        c.bool("text-terms"));
  }
}
