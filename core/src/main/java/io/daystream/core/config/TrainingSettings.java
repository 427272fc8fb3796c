package io.daystream.core.config;

import java.util.List;
import java.util.Set;

/**
 * Windows, heads and classifier settings of the daily retraining.
 *
 * @param textTerms whether an engagement model reads the tweet's hashed words besides its topic
 *     and sentiment
 * @param model the model family a daily run trains unless told otherwise: {@code lr} or {@code gbt}
 * @param minRows a window with fewer training rows gives no model (it is skipped, with the reason)
 * @param minPositives a window with fewer positives, or fewer negatives, than this gives no model
 * @param parallelFits how many windows' models a daily run fits and judges at once
 */
public record TrainingSettings(
    List<Integer> windows, List<String> heads, int maxIterations, double regParam, double elasticNetParam,
    boolean standardization, boolean textTerms, String model, long minRows, long minPositives,
    int parallelFits) {

  /** The model families a daily run can train. */
  public static final Set<String> MODEL_FAMILIES = Set.of("lr", "gbt");

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
        c.bool("text-terms"),
        modelFamily(c),
        c.longAtLeast("min-rows", 1),
        c.longAtLeast("min-positives", 1),
        c.intAtLeast("parallel-fits", 1));
  }

  private static String modelFamily(ConfigReader c) {
    String model = c.string("model");
    if (!MODEL_FAMILIES.contains(model)) {
      throw c.bad("model", "unknown model family '" + model + "', expected one of " + MODEL_FAMILIES);
    }
    return model;
  }
}
