package io.daystream.features.market;

import java.util.List;

/**
 * Columns of {@code gold/market_examples}: one row per symbol and trading day D. Features are
 * known at the end of UTC day D (D's own bar and news, the bars before); labels are about the next
 * trading day. Trainers read the names from here.
 */
public final class MarketColumns {

  public static final String SYMBOL = "symbol";
  /** Partition column: the trading day D of the example. */
  public static final String TRADING_DATE = "trading_date";
  /** D's close, raw (not split- or dividend-adjusted); kept for reference, not a feature. */
  public static final String CLOSE = "close";

  /** Open of D against the symbol's previous close, minus 1. */
  public static final String GAP = "gap";
  /** D's volume against the mean volume of the symbol's bars before D, minus 1. */
  public static final String VOLUME_CHANGE = "volume_change";
  /** Percentile in [0, 1] of D's 1-day return among the symbols that traded on D (0.5 when alone). */
  public static final String RETURN_RANK = "return_1d_rank";
  /** Headlines of day D (market-wide: the news sources are not per symbol); null when none was loaded. */
  public static final String NEWS_COUNT = "news_count";
  /** Mean sentiment of day D's headlines (silver news text); null without it. */
  public static final String NEWS_SENTIMENT = "news_sentiment";
  /** Mean of the hashed term frequencies of day D's headlines; null without silver news text. */
  public static final String NEWS_TEXT = "news_text_tf";
  /** Tweets of day D naming the symbol's cashtag; null when no tweet at all is stored for D. */
  public static final String TWEET_COUNT = "cashtag_tweet_count";
  /** Mean sentiment of those tweets (silver tweet text); null without any. */
  public static final String TWEET_SENTIMENT = "cashtag_tweet_sentiment";

  /** Label: the next trading day's return above that day's mean return across symbols; 0/1. */
  public static final String OUTPERFORM = "outperform";
  /** Label: close of the next trading day at least D's close; 0/1. */
  public static final String UP = "up";
  /** Label: close(next trading day) / close(D) − 1. */
  public static final String PCT_CHANGE = "pct_change";

  public static final List<String> LABELS = List.of(OUTPERFORM, UP, PCT_CHANGE);

  private MarketColumns() {}

  /** close(D) / close(k bars before D) − 1, e.g. {@code return_5d}. */
  public static String returnOf(int lag) {
    return "return_" + lag + "d";
  }

  /** Sample standard deviation of the last n daily returns up to D, e.g. {@code volatility_21d}. */
  public static String volatilityOf(int window) {
    return "volatility_" + window + "d";
  }

  /** The numeric price features for the given windows, in a stable order. */
  public static List<String> priceFeatures(List<Integer> lags, List<Integer> volatilityWindows) {
    List<String> names = new java.util.ArrayList<>();
    lags.forEach(lag -> names.add(returnOf(lag)));
    volatilityWindows.forEach(window -> names.add(volatilityOf(window)));
    names.add(VOLUME_CHANGE);
    names.add(GAP);
    names.add(RETURN_RANK);
    return List.copyOf(names);
  }
}
