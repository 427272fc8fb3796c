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
 * Loads the comma-separated layout the GetOldTweets3 scraper writes ({@code username, to, text,
 * retweets, favorites, replies, id, permalink, author_id, date, formatted_date, hashtags,
 * mentions, geo, urls}), e.g. {@code elon_musk_tweets/tweets.csv}.
 *
 * <ul>
 *   <li>{@code id} and {@code author_id} are kept as the digits written, never through a double;
 *   <li>{@code date} carries its offset ({@code +00:00}) and is read as that instant;
 *   <li>{@code favorites}, {@code replies}, {@code retweets} are the like, reply and retweet
 *       counts at scrape time; the layout has no quote count and no language, so both are null;
 *   <li>{@code text} is kept exactly, including leading blanks; it is empty for media-only tweets;
 *   <li>the leading {@code @reply} of a reply is in {@code to}, not in {@code text} or
 *       {@code mentions}; it is not added to the mentions, which stay as the scraper found them.
 * </ul>
 *
 * Other columns ({@code username}, {@code to}, {@code permalink}, {@code formatted_date},
 * {@code geo}) are neither needed nor required.
 */
public final class TweetsCsvLoader implements DatasetLoader<Tweet> {

  static final List<String> REQUIRED_COLUMNS = List.of(
      "id", "author_id", "text", "date", "favorites", "replies", "retweets", "hashtags", "mentions", "urls");

  private final HeaderedCsv csv = new HeaderedCsv(',', REQUIRED_COLUMNS);

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super Tweet> records, Consumer<? super Reject> rejects)
      throws IOException {
    return csv.read(path, TweetsCsvLoader::tweetOf, records, rejects);
  }

  private static Tweet tweetOf(CsvRecord row) {
    return new Tweet(
        Fields.decimalId("id", row.get("id")),
        Fields.decimalId("author_id", row.get("author_id")),
        row.get("text"),
        null,
        ScrapedEntityColumns.hashtags(row.get("hashtags")),
        ScrapedEntityColumns.mentions(row.get("mentions")),
        ScrapedEntityColumns.urls(row.get("urls")),
        Fields.offsetTimestamp("date", row.get("date")),
        Fields.count("favorites", row.get("favorites")),
        Fields.count("replies", row.get("replies")),
        Fields.count("retweets", row.get("retweets")),
        null);
  }
}
