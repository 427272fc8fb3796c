package io.daystream.features.text;

/**
 * Columns of the silver text tables ({@code silver/tweet_text}, {@code silver/news_text}): each
 * text featurized once, partitioned by its item's own UTC day, read by every feature set that
 * needs words or sentiment.
 */
public final class TextColumns {

  /** Partition column: the UTC day the tweet or news item was created. */
  public static final String EVENT_DATE = "event_date";
  /** The cleaned terms (tokens, normalized, stop words removed), array of strings. */
  public static final String TERMS = "terms";
  /** Hashed term frequencies of the terms, a Spark ML vector of {@code features.text-hash-features}. */
  public static final String TERM_FREQUENCIES = "text_tf";
  /** Sentiment in [-1, 1] from the project's own trained model; null when the text has no words. */
  public static final String SENTIMENT = "sentiment";

  private TextColumns() {}
}
