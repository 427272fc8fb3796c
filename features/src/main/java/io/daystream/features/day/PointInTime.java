package io.daystream.features.day;

import java.time.LocalDate;

/**
 * The one rule every Daystream feature obeys, as Feast's and Tecton's as-of joins do: a feature
 * of an example of day D is computed only from what was known before the example happened.
 *
 * <ul>
 *   <li>Aggregates over days (history, rates, counts, returns) read days strictly before D: the
 *       range {@link #historyOf} gives, never D itself, so nothing of D's outcomes leaks in.
 *   <li>The example's own row of day D contributes only what is known at its own time (ids, the
 *       impression context, the tweet's text, a price bar's own close for features of the day
 *       after); its labels and outcome timestamps are never features.
 *   <li>Labels may look ahead (a market label of day D is about D+1); features never do.
 * </ul>
 *
 * Tests check it by replacing every label and every event after D with noise and by deleting the
 * future days: the features of days up to D must not change.
 */
public final class PointInTime {

  private PointInTime() {}

  /** The history an example of {@code day} may see, {@code lookbackDays} long: [D − n, D − 1]. */
  public static DayRange historyOf(LocalDate day, int lookbackDays) {
    return DayRange.before(day, lookbackDays);
  }
}
