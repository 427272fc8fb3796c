package io.daystream.features.market;

import static io.daystream.features.market.MarketColumns.SYMBOL;
import static io.daystream.features.market.MarketColumns.TRADING_DATE;
import static io.daystream.features.market.MarketColumns.TWEET_COUNT;
import static io.daystream.features.market.MarketColumns.TWEET_SENTIMENT;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.daystream.features.text.TextColumns;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tweets that name a symbol's cashtag ({@code $AAPL}, {@code $brk.b}; case-insensitive, once per
 * tweet), counted per symbol and UTC day of the tweet, with their mean sentiment.
 */
final class CashtagTweetFeatures {

  /** A {@code $}, 1–5 letters, an optional class suffix ({@code .B}), not inside a longer word or amount. */
  static final String CASHTAG = "(?<![A-Za-z0-9_$])\\$([A-Za-z]{1,5}(?:\\.[A-Za-z])?)(?![A-Za-z0-9_])";

  private CashtagTweetFeatures() {}

  /**
   * @param tweets bronze tweets (tweet_id, text, event_date) of the days wanted
   * @param tweetText silver tweet text of the same days, if that table exists
   * @return per {@code trading_date} and {@code symbol} named: count and mean sentiment (null
   *     without silver text)
   */
  static Dataset<Row> of(Dataset<Row> tweets, Optional<Dataset<Row>> tweetText) {
    Dataset<Row> mentions = tweets
        .select(col("tweet_id"), col(TextColumns.EVENT_DATE).as(TRADING_DATE),
            explode(expr("array_distinct(transform(regexp_extract_all(coalesce(text, ''), '"
                + CASHTAG.replace("\\", "\\\\") + "', 1), t -> upper(t)))")).as(SYMBOL));
    Dataset<Row> withSentiment = tweetText
        .map(text -> mentions.join(text.select(col("tweet_id"), col(TextColumns.SENTIMENT)), "tweet_id", "left")
            .withColumnRenamed(TextColumns.SENTIMENT, "_sentiment"))
        .orElseGet(() -> mentions.withColumn("_sentiment", lit(null).cast("double")));
    return withSentiment.groupBy(TRADING_DATE, SYMBOL)
        .agg(count(lit(1)).as(TWEET_COUNT), avg(col("_sentiment")).as(TWEET_SENTIMENT));
  }

  /** The days that have any tweet stored: on these, a symbol nobody named has a count of 0, not null. */
  static Dataset<Row> daysWithTweets(Dataset<Row> tweets) {
    return tweets.select(col(TextColumns.EVENT_DATE).as(TRADING_DATE)).distinct();
  }
}
