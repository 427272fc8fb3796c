package io.daystream.training.daily;

import java.util.Optional;

/**
 * Refuses a training window that cannot give a sound model: too few rows, or too few of either
 * class. A refused window is recorded as skipped with the reason; it never becomes a junk model.
 */
public record WindowGuard(long minRows, long minPositives) {

  public WindowGuard {
    if (minRows < 1 || minPositives < 1) {
      throw new IllegalArgumentException("guard thresholds must be at least 1: rows " + minRows
          + ", positives " + minPositives);
    }
  }

  /** Why the window is refused, or empty when it may train. */
  public Optional<String> refusal(long rows, long positives) {
    if (rows < minRows) {
      return Optional.of(rows + " training rows, fewer than the minimum " + minRows);
    }
    if (positives < minPositives) {
      return Optional.of(positives + " positives of " + rows + " rows, fewer than the minimum " + minPositives);
    }
    long negatives = rows - positives;
    if (negatives < minPositives) {
      return Optional.of(negatives + " negatives of " + rows + " rows, fewer than the minimum " + minPositives);
    }
    return Optional.empty();
  }
}
