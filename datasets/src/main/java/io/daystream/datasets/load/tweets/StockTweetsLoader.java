package io.daystream.datasets.load.tweets;

import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.csv.CsvRecord;
import io.daystream.datasets.schema.Tweet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads the labelled sample of "Stock Market Tweets Data" (Taborda et al., 2020),
 * {@code tweets_labelled_09042020_16072020.csv}: {@code id;created_at;text;sentiment}, separated
 * by {@code ;}, texts quoted with {@code "} and often spanning several lines or holding {@code ;}.
 *
 * <ul>
 *   <li>{@code id} is the row number in the full 943k-tweet collection, not a Twitter status id;
 *       it is kept as written as the tweet id;
 *   <li>the file names no author, so every tweet gets {@link #UNKNOWN_AUTHOR}: per-author
 *       features are meaningless on this source;
 *   <li>{@code created_at} carries its offset ({@code +00:00}, UTC) and is read as that instant;
 *   <li>hashtags, cashtags (with {@code $}, inside the hashtags), mentions and URLs are
 *       extracted from the text by {@link TextEntities}; text is kept as written, HTML entities
 *       such as {@code &amp;} included;
 *   <li>language and all engagement counts are unknown, hence null;
 *   <li>{@code sentiment} ({@code positive|neutral|negative}, empty when unlabelled) is available
 *       through {@link #loadLabelled}; any other label rejects the row.
 * </ul>
 */
public final class StockTweetsLoader implements DatasetLoader<Tweet> {

  /** The author id of every tweet of this source, which does not name authors. */
  public static final String UNKNOWN_AUTHOR = "unknown";

  static final List<String> REQUIRED_COLUMNS = List.of("id", "created_at", "text", "sentiment");

  private final HeaderedCsv csv = new HeaderedCsv(';', REQUIRED_COLUMNS);

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super Tweet> records, Consumer<? super Reject> rejects)
      throws IOException {
    return csv.read(path, StockTweetsLoader::labelledTweetOf, (labelled, at) -> records.accept(labelled.tweet(), at),
        rejects);
  }

  /** Like {@link #load}, with each tweet's sentiment label (null when unlabelled). */
  public Summary loadLabelled(Path path, Consumer<? super LabelledTweet> records, Consumer<? super Reject> rejects)
      throws IOException {
    return csv.read(path, StockTweetsLoader::labelledTweetOf, (labelled, at) -> records.accept(labelled), rejects);
  }

  private static LabelledTweet labelledTweetOf(CsvRecord row) {
    String text = row.get("text");
    TextEntities.Found entities = TextEntities.in(text);
    Tweet tweet = new Tweet(
        Fields.decimalId("id", row.get("id")),
        UNKNOWN_AUTHOR,
        text,
        null,
        entities.hashtags(),
        entities.mentions(),
        entities.urls(),
        Fields.offsetTimestamp("created_at", row.get("created_at")),
        null,
        null,
        null,
        null);
    return new LabelledTweet(tweet, Sentiment.ofLabel("sentiment", row.get("sentiment")));
  }
}
