package io.daystream.app.load;

import io.daystream.datasets.load.news.RedditNewsLoader;
import io.daystream.datasets.load.news.RedditPostsLoader;
import io.daystream.datasets.load.news.StocknewsCombinedLoader;
import io.daystream.datasets.load.prices.OhlcvLoader;
import io.daystream.datasets.load.tweets.RecsysLoader;
import io.daystream.datasets.load.tweets.StockTweetsLoader;
import io.daystream.datasets.load.tweets.TweetsCsvLoader;
import io.daystream.datasets.schema.NewsPost;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.ingestion.backfill.BackfillResult;
import io.daystream.ingestion.backfill.FileBackfill;
import io.daystream.ingestion.backfill.StagedMessage;
import io.daystream.ingestion.stream.IngestedStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every file layout {@code daystream datasets load} reads, by its command-line name. */
public enum DatasetFormat {
  STOCKNEWS_COMBINED("stocknews-combined",
      (backfill, path, symbols) -> backfill.load("stocknews-combined", new StocknewsCombinedLoader(), path,
          DatasetFormat::news)),
  REDDIT_NEWS("reddit-news",
      (backfill, path, symbols) -> backfill.load("reddit-news", new RedditNewsLoader(), path, DatasetFormat::news)),
  REDDIT_POSTS("reddit-posts",
      (backfill, path, symbols) -> backfill.load("reddit-posts", new RedditPostsLoader(), path, DatasetFormat::news)),
  OHLCV("ohlcv",
      (backfill, path, symbols) -> backfill.load("ohlcv", new OhlcvLoader(symbols.symbol(), symbols.symbolColumn()), path,
          bar -> List.of(new StagedMessage(IngestedStream.PRICES, RecordJson.of(bar))))),
  TWEETS_CSV("tweets-csv",
      (backfill, path, symbols) -> backfill.load("tweets-csv", new TweetsCsvLoader(), path, DatasetFormat::tweet)),
  STOCK_TWEETS("stock-tweets",
      (backfill, path, symbols) -> backfill.load("stock-tweets", new StockTweetsLoader(), path, DatasetFormat::tweet)),
  // One RecSys row is an impression: the tweet it showed and what the user did.
  RECSYS2020("recsys2020",
      (backfill, path, symbols) -> backfill.load("recsys2020", new RecsysLoader(), path, row -> List.of(
          new StagedMessage(IngestedStream.TWEETS, RecordJson.of(row.tweet())),
          new StagedMessage(IngestedStream.ENGAGEMENTS, RecordJson.of(row.engagement())))));

  /**
   * Where an {@code ohlcv} file's symbol comes from when the loader cannot find it alone; other
   * formats ignore it.
   *
   * @param symbol the symbol of every row of a file without a symbol column ({@code --symbol})
   * @param symbolColumn the header of the column that holds the symbol ({@code --symbol-col})
   */
  public record SymbolSource(Optional<String> symbol, Optional<String> symbolColumn) {

    /** Let the loader find the symbol: a symbol column by name or content, else the file name. */
    public static final SymbolSource FOUND = new SymbolSource(Optional.empty(), Optional.empty());
  }

  /** How one format reaches the lake. */
  @FunctionalInterface
  private interface Loading {
    BackfillResult load(FileBackfill backfill, Path path, SymbolSource symbols) throws IOException;
  }

  private final String name;
  private final Loading loading;

  DatasetFormat(String name, Loading loading) {
    this.name = name;
    this.loading = loading;
  }

  /** Loads {@code path} into the lake through the ingestion path. */
  public BackfillResult loadInto(FileBackfill backfill, Path path, SymbolSource symbols) throws IOException {
    return loading.load(backfill, path, symbols);
  }

  public String formatName() {
    return name;
  }

  public static DatasetFormat byName(String name) {
    return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "', expected one of "
            + Arrays.stream(values()).map(f -> f.name).toList()));
  }

  private static List<StagedMessage> news(NewsPost post) {
    return List.of(new StagedMessage(IngestedStream.NEWS, RecordJson.of(post)));
  }

  private static List<StagedMessage> tweet(Tweet tweet) {
    return List.of(new StagedMessage(IngestedStream.TWEETS, RecordJson.of(tweet)));
  }
}
