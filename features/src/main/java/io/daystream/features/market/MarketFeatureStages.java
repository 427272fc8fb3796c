package io.daystream.features.market;

import io.daystream.core.config.MarketFeatureSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;

/**
 * The model's view of a market example, as Pipeline stages ending in one {@code features} vector.
 * Input: rows shaped like {@code gold/market_examples}; nothing here is fitted, the stages only
 * fill what the table leaves unknown.
 *
 * <p>Every feature is a finite double: an unknown value (null, or NaN) becomes 0 beside a 0/1
 * "missing" flag, so the model can tell "no news was loaded" from "a quiet day". The price
 * features share one flag (a listing's first days or a window reaching before the first bar);
 * the news columns have one, the cashtag tweet columns one, and their sentiments one each (a day
 * can have posts but no silver text). Counts enter as log1p.
 *
 * <p>The news term vector ({@link MarketColumns#NEWS_TEXT}) is left out: it is market-wide, the
 * same for every symbol of a day, so it cannot separate symbols, and its thousands of hashed terms
 * overfit the few hundred rows of a short window.
 */
public final class MarketFeatureStages {

  public static final String FEATURES = "features";

  private MarketFeatureStages() {}

  /** The stages for the price windows of {@code settings} ({@code features.market}). */
  public static PipelineStage[] of(MarketFeatureSettings settings) {
    List<String> names = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    List<String> prices = MarketColumns.priceFeatures(settings.returnLags(), settings.volatilityWindows());
    for (String price : prices) {
      add(expressions, names, "f_" + price, filled(price));
    }
    add(expressions, names, "f_price_history_missing",
        "CAST(" + String.join(" OR ", prices.stream().map(MarketFeatureStages::unknown).toList()) + " AS DOUBLE)");
    add(expressions, names, "f_news_missing", "CAST(" + unknown(MarketColumns.NEWS_COUNT) + " AS DOUBLE)");
    add(expressions, names, "f_news_count", log1p(MarketColumns.NEWS_COUNT));
    add(expressions, names, "f_news_sentiment_missing",
        "CAST(" + unknown(MarketColumns.NEWS_SENTIMENT) + " AS DOUBLE)");
    add(expressions, names, "f_news_sentiment", filled(MarketColumns.NEWS_SENTIMENT));
    add(expressions, names, "f_tweets_missing", "CAST(" + unknown(MarketColumns.TWEET_COUNT) + " AS DOUBLE)");
    add(expressions, names, "f_tweet_count", log1p(MarketColumns.TWEET_COUNT));
    add(expressions, names, "f_tweet_sentiment_missing",
        "CAST(" + unknown(MarketColumns.TWEET_SENTIMENT) + " AS DOUBLE)");
    add(expressions, names, "f_tweet_sentiment", filled(MarketColumns.TWEET_SENTIMENT));
    String sql = "SELECT *, " + String.join(", ", expressions) + " FROM __THIS__";
    return new PipelineStage[] {
        new SQLTransformer().setStatement(sql),
        // Every input is filled above: an invalid value here is a bug, not data.
        new VectorAssembler().setInputCols(names.toArray(String[]::new)).setOutputCol(FEATURES)
            .setHandleInvalid("error")};
  }

  private static void add(List<String> expressions, List<String> names, String name, String expression) {
    expressions.add(expression + " AS " + name);
    names.add(name);
  }

  private static String unknown(String column) {
    return "(" + column + " IS NULL OR isnan(CAST(" + column + " AS DOUBLE)))";
  }

  private static String filled(String column) {
    return "coalesce(nanvl(CAST(" + column + " AS DOUBLE), 0.0D), 0.0D)";
  }

  private static String log1p(String column) {
    return "log1p(greatest(" + filled(column) + ", 0.0D))";
  }
}
