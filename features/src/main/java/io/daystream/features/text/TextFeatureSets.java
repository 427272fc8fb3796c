package io.daystream.features.text;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.features.job.DailyFeatureSet;
import org.apache.spark.sql.SparkSession;

/**
 * The silver text tables, for the tasks to list as their first stage (daysBefore as far back as
 * they read text): featurized once per tweet and per news post, with the same saved models for
 * every day and every reader.
 */
public final class TextFeatureSets {

  private TextFeatureSets() {}

  /** {@code tweet-text} → {@code silver/tweet_text}: tweet_id, event_date, terms, text_tf, sentiment. */
  public static DailyFeatureSet tweets(SparkSession spark, Lake lake, FeatureSettings settings) {
    return new TweetTextSet(spark, lake, settings);
  }

  /** {@code news-text} → {@code silver/news_text}: post_id, source, event_date, terms, text_tf, sentiment. */
  public static DailyFeatureSet news(SparkSession spark, Lake lake, FeatureSettings settings) {
    return new NewsTextSet(spark, lake, settings);
  }
}
