package io.daystream.core.config;

import java.util.Collections;
import java.util.List;

/**
 * Settings of the market feature set ({@code gold/market_examples}). Windows count a symbol's own
 * trading days (bars), not calendar days; {@code historyDays} is the calendar span of bars read
 * before day D and must hold the longest window.
 *
 * @param returnLags lagged returns computed, in trading days, e.g. [1, 3, 5, 10, 21]
 * @param volatilityWindows rolling standard deviations of daily returns, in trading days
 * @param volumeAverageDays trading days before D whose mean volume D's volume is compared with
 * @param historyDays calendar days of bars before D that day D reads
 * @param labelHorizonDays calendar days after D searched for the next trading day (the labels')
 */
public record MarketFeatureSettings(
    List<Integer> returnLags, List<Integer> volatilityWindows, int volumeAverageDays, int historyDays,
    int labelHorizonDays) {

  public MarketFeatureSettings {
    returnLags = List.copyOf(returnLags);
    volatilityWindows = List.copyOf(volatilityWindows);
    if (volatilityWindows.stream().anyMatch(w -> w < 2)) {
      throw new IllegalArgumentException("a volatility window holds at least 2 returns: " + volatilityWindows);
    }
    int needed = minimumHistoryDays(longestWindow(returnLags, volatilityWindows, volumeAverageDays));
    if (historyDays < needed) {
      throw new IllegalArgumentException("history of " + historyDays + " calendar days cannot hold the longest window; "
          + "at least " + needed + " needed");
    }
  }

  /** Trading bars before D the longest window needs. */
  public int longestWindow() {
    return longestWindow(returnLags, volatilityWindows, volumeAverageDays);
  }

  static MarketFeatureSettings from(ConfigReader c) {
    try {
      return new MarketFeatureSettings(c.positiveIntList("return-lags"), c.positiveIntList("volatility-windows"),
          c.intAtLeast("volume-average-days", 1), c.intAtLeast("history-days", 1), c.intAtLeast("label-horizon-days", 1));
    } catch (IllegalArgumentException e) {
      throw c.bad("history-days", e.getMessage());
    }
  }

  private static int longestWindow(List<Integer> lags, List<Integer> volatility, int volumeDays) {
    // A volatility window of n returns reaches n bars back (n returns need n + 1 closes).
    return Math.max(Math.max(Collections.max(lags), Collections.max(volatility)), volumeDays);
  }

  /** Five trading days a week plus up to five holidays in any such span. */
  private static int minimumHistoryDays(int tradingDays) {
    return (int) Math.ceil(tradingDays * 7.0 / 5.0) + 5;
  }
}
