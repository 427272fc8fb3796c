package io.daystream.features.market;

import static io.daystream.features.market.MarketColumns.SYMBOL;
import static io.daystream.features.market.MarketColumns.TRADING_DATE;
import static io.daystream.features.market.MarketColumns.TWEET_COUNT;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.config.MarketFeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.features.day.DayRange;
import io.daystream.features.day.PointInTime;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.lineage.InputRead;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gold/market_examples}: one row per symbol that has a bar on trading day D, made at the end
 * of UTC day D to forecast the next trading day. Under {@link PointInTime}, the example's own row
 * is D's bar (known at D's close) and its history is the symbol's bars of
 * {@code historyOf(D, history-days)}; D's news and cashtag tweets are known by the end of D.
 * Nothing dated after D enters a feature; only the labels read the next trading day's bars.
 *
 * <p>A day with no bar (weekend, holiday) has no rows. See {@link PriceFeatures} for missing bars,
 * a symbol's first days and splits, {@link DayNewsFeatures} and {@link CashtagTweetFeatures} for
 * the text columns, which are null when their silver table does not exist.
 */
public final class MarketExamples implements DailyFeatureSet {

  public static final String NAME = "market-examples";
  /** Bump when a definition changes. */
  private static final int DEFINITIONS = 1;

  private final SparkSession spark;
  private final Lake lake;
  private final MarketFeatureSettings settings;

  public MarketExamples(SparkSession spark, Lake lake, MarketFeatureSettings settings) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String featureSetVersion() {
    return NAME + "/" + DEFINITIONS + "/lags=" + join(settings.returnLags()) + "/vol=" + join(settings.volatilityWindows())
        + "/volume=" + settings.volumeAverageDays() + "/history=" + settings.historyDays()
        + "/horizon=" + settings.labelHorizonDays();
  }

  @Override
  public LakeTable output() {
    return LakeTable.MARKET_EXAMPLES;
  }

  @Override
  public String dayColumn() {
    return TRADING_DATE;
  }

  /** D's bars with their history and the label horizon after D; D's news, tweets and their text. */
  @Override
  public List<InputRead> inputsOf(LocalDate day) {
    DayRange own = DayRange.of(day);
    return List.of(
        new InputRead(LakeTable.PRICES, CanonicalSchemas.EVENT_DATE, barsRead(own)),
        new InputRead(LakeTable.NEWS, CanonicalSchemas.EVENT_DATE, own),
        new InputRead(LakeTable.NEWS_TEXT, CanonicalSchemas.EVENT_DATE, own),
        new InputRead(LakeTable.TWEETS, CanonicalSchemas.EVENT_DATE, own),
        new InputRead(LakeTable.TWEET_TEXT, CanonicalSchemas.EVENT_DATE, own));
  }

  @Override
  public Dataset<Row> compute(LocalDate day) {
    return examplesOf(DayRange.of(day));
  }

  /**
   * The examples of every day of {@code days} in one pass, reading exactly what the days' own
   * {@link #inputsOf} declare together; the rows of a day are those {@link #compute} gives it.
   */
  public Dataset<Row> examplesOf(DayRange days) {
    Dataset<Row> bars = read(LakeTable.PRICES, barsRead(days))
        .orElseThrow(() -> new IllegalStateException("no bronze prices under " + lake.path(LakeTable.PRICES)
            + ": load them first (datasets load --format ohlcv, or ingest the prices stream)"))
        .select(SYMBOL, TRADING_DATE, "open", "close", "volume");
    Dataset<Row> examples = PriceFeatures.of(bars, settings)
        .where(col(TRADING_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last())));
    return withNews(withTweets(examples, days), days);
  }

  private DayRange barsRead(DayRange days) {
    return new DayRange(PointInTime.historyOf(days.first(), settings.historyDays()).first(),
        days.last().plusDays(settings.labelHorizonDays()));
  }

  private Dataset<Row> withNews(Dataset<Row> examples, DayRange days) {
    Optional<Dataset<Row>> news = read(LakeTable.NEWS, days);
    if (news.isEmpty()) {
      return examples.join(DayNewsFeatures.of(emptyNews(), Optional.empty()), seq(TRADING_DATE), "left");
    }
    return examples.join(DayNewsFeatures.of(news.get(), read(LakeTable.NEWS_TEXT, days)), seq(TRADING_DATE), "left");
  }

  private Dataset<Row> withTweets(Dataset<Row> examples, DayRange days) {
    Optional<Dataset<Row>> tweets = read(LakeTable.TWEETS, days).map(t -> t.select("tweet_id", "text", "event_date"));
    Dataset<Row> source = tweets.orElseGet(() -> spark.createDataFrame(List.of(),
        new org.apache.spark.sql.types.StructType().add("tweet_id", "string").add("text", "string")
            .add("event_date", "date")));
    Dataset<Row> counted = CashtagTweetFeatures.of(source, read(LakeTable.TWEET_TEXT, days));
    Dataset<Row> covered = CashtagTweetFeatures.daysWithTweets(source).withColumn("_has_tweets", lit(true));
    return examples
        .join(counted, seq(TRADING_DATE, SYMBOL), "left")
        .join(covered, seq(TRADING_DATE), "left")
        .withColumn(TWEET_COUNT, when(col("_has_tweets"), coalesce(col(TWEET_COUNT), lit(0L))))
        .drop("_has_tweets");
  }

  private Dataset<Row> emptyNews() {
    return spark.createDataFrame(List.of(), new org.apache.spark.sql.types.StructType().add("event_date", "date"));
  }

  /** The partitions {@code days} of a table, or nothing when the table does not exist yet. */
  private Optional<Dataset<Row>> read(LakeTable table, DayRange days) {
    String path = lake.path(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return Optional.empty();
    }
    return Optional.of(spark.read().format("delta").load(path)
        .where(col(CanonicalSchemas.EVENT_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last()))));
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toList();
  }

  private static String join(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
