package io.daystream.ingestion.validate;

/**
 * The values a numeric field may take, checked after it is known to be finite. Each range says
 * what the field means: a count cannot be negative, a price is positive, a probability is in
 * [0, 1]; every other number is bounded only by a sanity limit, far beyond real values, that
 * keeps corrupt magnitudes out of aggregates.
 */
public enum NumericRange {
  /** Any sign: a Reddit score is upvotes minus downvotes. */
  SIGNED(-1e12, 1e12),
  /** Followers, comments, likes, volume: true counts. */
  COUNT(0, 1e12),
  /** A traded price: above 0 (no equity trades at or below zero). */
  PRICE(0, 1e9),
  /** Adjusted close: adjustments can make very old prices tiny, never negative. */
  ADJUSTED_PRICE(0, 1e9),
  PROBABILITY(0, 1);

  private final double lowest;
  private final double highest;

  NumericRange(double lowest, double highest) {
    this.lowest = lowest;
    this.highest = highest;
  }

  /** Why {@code value} of {@code field} is out of this range, or null when it is in. */
  public String check(String field, double value) {
    switch (this) {
      case COUNT:
        if (value < 0) {
          return "negative " + field;
        }
        break;
      case PRICE:
        if (value <= 0) {
          return "non-positive " + field;
        }
        break;
      case ADJUSTED_PRICE:
        if (value < 0) {
          return "negative " + field;
        }
        break;
      case PROBABILITY:
        if (value < lowest || value > highest) {
          return field + ": " + value + " is outside [0, 1]";
        }
        return null;
      default:
        if (value < lowest) {
          return field + ": " + value + " is below the sane limit " + lowest;
        }
    }
    return value > highest ? field + ": " + value + " is above the sane limit " + highest : null;
  }
}
