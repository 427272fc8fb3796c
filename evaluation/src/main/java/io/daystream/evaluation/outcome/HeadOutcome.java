package io.daystream.evaluation.outcome;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.promotion.ChampionPolicy;
import java.util.List;
import java.util.Optional;

/**
 * What a daily run decided for one head: every window's model, the windows that gave none and
 * why, the champion before, the decision, the champion after, and the oracle's metrics when the
 * true probabilities are known. The best challenger is empty when every window was skipped.
 */
public record HeadOutcome(
    String head,
    List<WindowResult> windows,
    List<SkippedWindow> skipped,
    Optional<String> previousChampion,
    Optional<BinaryMetrics> previousChampionMetrics,
    Optional<WindowResult> bestChallenger,
    ChampionPolicy.Decision decision,
    Optional<String> champion,
    Optional<BinaryMetrics> oracle) {

  public HeadOutcome {
    windows = List.copyOf(windows);
    skipped = List.copyOf(skipped);
  }

  public boolean promoted() {
    return decision.promote();
  }
}
