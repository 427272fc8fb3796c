package io.daystream.training.market;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.load.news.StocknewsCombinedLoader;
import io.daystream.datasets.load.prices.OhlcvLoader;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.WindowResult;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureTasks;
import io.daystream.features.market.MarketColumns;
import io.daystream.features.market.MarketExamples;
import io.daystream.features.market.MarketFeatureStages;
import io.daystream.training.daily.RetrainBackfill;
import io.daystream.training.daily.RetrainBackfill.DayResult;
import io.daystream.training.daily.RetrainBackfill.DayStatus;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.VersionStatus;
import io.daystream.training.tasks.RetrainJobs;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market task through the daily retraining on real data: a dozen S&P 500 symbols
 * ({@code sp500_5yr}) and the day's top 25 world-news headlines ({@code stocknews_djia}) in bronze,
 * {@code gold/market_examples} materialized by the feature job from 2016-01-05 to 2016-01-12 (a
 * weekend in it), then a backfill of Friday 2016-01-08 .. Tuesday 01-12 with windows of 1 and 3
 * calendar days: the weekend is skipped with the reason, every trading day trains both heads over
 * both windows, versions carry the market lineage, and each head has a champion.
 */
class MarketRetrainIT {

  private static final List<String> SYMBOLS =
      List.of("AAPL", "MSFT", "XOM", "JPM", "JNJ", "GE", "PFE", "WMT", "KO", "INTC", "CSCO", "T");
  private static final LocalDate FIRST_FEATURE_DAY = LocalDate.of(2016, 1, 5);
  private static final DayRange BACKFILL = new DayRange(LocalDate.of(2016, 1, 8), LocalDate.of(2016, 1, 12));
  private static final DayRange FEATURE_DAYS = new DayRange(FIRST_FEATURE_DAY, BACKFILL.last());
  /** Bars from the history before the first feature day to the label horizon after the last. */
  private static final DayRange BARS = new DayRange(LocalDate.of(2015, 11, 1), LocalDate.of(2016, 1, 31));
  private static final List<Integer> WINDOWS = List.of(1, 3);

  private static final StructType BRONZE_PRICES =
      CanonicalSchemas.PRICE_BAR_MESSAGE.add(CanonicalSchemas.EVENT_DATE, DataTypes.DateType);
  private static final StructType BRONZE_NEWS =
      CanonicalSchemas.NEWS_MESSAGE.add(CanonicalSchemas.EVENT_DATE, DataTypes.DateType);

  @TempDir
  static Path home;

  private static SparkSession spark;
  private static DaystreamConfig config;
  private static Lake lake;

  @BeforeAll
  static void materializeTheMarketLake() throws IOException {
    // A window of a dozen symbols holds a few dozen rows: the guard is lowered to match. The RCE
    // floor too: the straw man of `up` knows the judged day's own share of rising symbols (the
    // market's move), which no model of these features does, so its RCE is mostly below 0 and
    // the default floor would leave the head without a champion.
    config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]", "spark.shuffle-partitions=2",
        "training.min-rows=10", "training.min-positives=2", "promotion.min-rce=-1000");
    spark = SparkSessionFactory.getOrCreate(config.spark());
    lake = new Lake(config.lake());
    writeBars();
    writeNews();
    FeatureTasks.of(MarketTask.NAME, spark, lake, config).run(new DailyFeatureJob(spark, lake), FEATURE_DAYS);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void aBackfillOverAWeekendSkipsItTrainsTheTradingDaysAndPromotesAChampionPerHead() {
    RetrainBackfill backfill = RetrainJobs.backfill(MarketTask.NAME, "lr", spark, config);
    List<DayResult> days = backfill.run(BACKFILL, WINDOWS, MarketTask.HEADS, false, RetrainBackfill.Progress.NONE);

    assertEquals(BACKFILL.days(), days.stream().map(DayResult::day).toList());
    long goldVersion = DeltaTable.forPath(spark, lake.path(LakeTable.MARKET_EXAMPLES)).history(1)
        .select("version").first().getLong(0);
    String featureSetVersion = new MarketExamples(spark, lake, config.features().market()).featureSetVersion();
    ModelRegistry registry = new ModelRegistry(spark, lake);
    for (DayResult day : days) {
      if (isWeekend(day.day())) {
        assertEquals(DayStatus.SKIPPED, day.status(), day.day() + " is a weekend");
        assertTrue(day.reason().orElseThrow().contains("no market examples on the evaluation day " + day.day()),
            day.reason().orElseThrow());
        continue;
      }
      assertEquals(DayStatus.TRAINED, day.status(), day.day() + ": " + day.reason());
      RetrainOutcome outcome = day.outcome().orElseThrow();
      assertEquals(labelledRows(DayRange.of(day.day())), outcome.evaluationRows(), "judged on D's labelled rows");
      for (HeadOutcome head : outcome.heads()) {
        if (day.day().getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
          // Monday's 1-day window is the Sunday: no rows, so the guard skips it with the reason.
          assertEquals(1, head.skipped().size(), head.skipped().toString());
          assertEquals(1, head.skipped().get(0).window().days());
          assertTrue(head.skipped().get(0).reason().startsWith("0 training rows"), head.skipped().get(0).reason());
          assertEquals(List.of(3), head.windows().stream().map(w -> w.window().days()).toList());
        } else {
          assertTrue(head.skipped().isEmpty(), day.day() + " " + head.head() + ": " + head.skipped());
          assertEquals(WINDOWS, head.windows().stream().map(w -> w.window().days()).toList());
        }
        assertTrue(head.oracle().isEmpty(), "no oracle on real prices");
        for (WindowResult window : head.windows()) {
          DayRange trained = new DayRange(window.window().firstDay(), window.window().lastDay());
          assertEquals(day.day().minusDays(window.window().days()), trained.first(), "calendar days");
          assertEquals(labelledRows(trained), window.trainRows(), "the trading days of " + trained);
          long positives = positives(day.day(), head.head());
          assertEquals(positives, window.metrics().positives());
          assertEquals(positives > 0 && positives < outcome.evaluationRows(), window.metrics().rce().isPresent(),
              "RCE is defined when " + day.day() + " holds both classes of " + head.head());
          assertTrue(Double.isFinite(window.metrics().logLoss()));
          ModelVersion version = registry.require(window.version());
          assertEquals(VersionStatus.REGISTERED, version.status());
          assertEquals(MarketTask.NAME, version.lineage().task());
          assertEquals(head.head(), version.lineage().head());
          assertEquals(Map.of(LakeTable.MARKET_EXAMPLES.folder(), goldVersion), version.lineage().tableVersions());
          assertEquals(featureSetVersion, version.lineage().featureSetVersion());
          assertEquals("lr", version.lineage().modelFamily());
          assertEquals(window.trainRows(), version.lineage().trainRows());
        }
      }
    }
    assertEquals(3, days.stream().filter(d -> d.status() == DayStatus.TRAINED).count(), "Friday, Monday, Tuesday");
    // Monday's 3-day window holds Friday only; Friday's holds Tuesday to Thursday.
    LocalDate monday = LocalDate.of(2016, 1, 11);
    assertEquals(SYMBOLS.size(), windowOf(days, monday, MarketColumns.UP, 3).trainRows());
    assertEquals(labelledRows(new DayRange(FIRST_FEATURE_DAY, LocalDate.of(2016, 1, 7))),
        windowOf(days, BACKFILL.first(), MarketColumns.UP, 3).trainRows());
    for (String head : MarketTask.HEADS) {
      Optional<String> champion = registry.champion(MarketTask.NAME, head).version();
      assertTrue(champion.isPresent(), "a champion of " + head);
      assertEquals(head, registry.require(champion.get()).lineage().head());
      assertFalse(registry.history(MarketTask.NAME, head).isEmpty());
    }

    // A second run reuses every finished day, skipped days included.
    List<DayResult> again = backfill.run(BACKFILL, WINDOWS, MarketTask.HEADS, false, RetrainBackfill.Progress.NONE);
    assertTrue(again.stream().allMatch(d -> d.status() == DayStatus.REUSED), again.toString());
  }

  @Test
  void aDayNeverMaterializedNamesTheFeaturesCommand() {
    LocalDate later = LocalDate.of(2016, 1, 20);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RetrainJobs.daily(MarketTask.NAME, spark, config).run(later, WINDOWS, MarketTask.HEADS));
    assertTrue(e.getMessage().contains("run `daystream features --task market --from 2016-01-17 --to 2016-01-20`"),
        e.getMessage());
    assertTrue(e.getMessage().contains("lacks 4 day(s)"), e.getMessage());
  }

  @Test
  void unknownFeaturesBecomeZeroBesideAMissingFlag() {
    Dataset<Row> day = spark.read().format("delta").load(lake.path(LakeTable.MARKET_EXAMPLES))
        .where(col(MarketColumns.TRADING_DATE).equalTo(Date.valueOf(BACKFILL.last())));
    Dataset<Row> unknown = day
        .withColumn(MarketColumns.NEWS_COUNT, lit(null).cast("long"))
        .withColumn(MarketColumns.NEWS_SENTIMENT, lit(null).cast("double"))
        .withColumn(MarketColumns.returnOf(21), lit(Double.NaN));
    PipelineModel stages = new Pipeline().setStages(MarketFeatureStages.of(config.features().market())).fit(day);

    Row known = stages.transform(day).first();
    assertEquals(0.0, (double) known.getAs("f_news_missing"));
    assertEquals(Math.log1p(25), (double) known.getAs("f_news_count"), 1e-12, "25 headlines a day");
    assertEquals(0.0, (double) known.getAs("f_price_history_missing"));
    assertEquals(1.0, (double) known.getAs("f_tweets_missing"), "no tweets in this lake");
    Row filled = stages.transform(unknown).first();
    assertEquals(1.0, (double) filled.getAs("f_news_missing"));
    assertEquals(0.0, (double) filled.getAs("f_news_count"));
    assertEquals(1.0, (double) filled.getAs("f_news_sentiment_missing"));
    assertEquals(0.0, (double) filled.getAs("f_return_21d"));
    assertEquals(1.0, (double) filled.getAs("f_price_history_missing"), "NaN counts as unknown");
    for (double value : ((Vector) filled.getAs(MarketFeatureStages.FEATURES)).toArray()) {
      assertTrue(Double.isFinite(value), filled.toString());
    }
  }

  private static WindowResult windowOf(List<DayResult> days, LocalDate day, String head, int window) {
    return days.stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow().outcome().orElseThrow()
        .heads().stream().filter(h -> h.head().equals(head)).findFirst().orElseThrow()
        .windows().stream().filter(w -> w.window().days() == window).findFirst().orElseThrow();
  }

  /** Rows of the gold table in {@code days} whose labels are known, counted directly. */
  private static long labelledRows(DayRange days) {
    return spark.read().format("delta").load(lake.path(LakeTable.MARKET_EXAMPLES))
        .where(col(MarketColumns.TRADING_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last())))
        .where(col(MarketColumns.UP).isNotNull())
        .count();
  }

  private static long positives(LocalDate day, String head) {
    return spark.read().format("delta").load(lake.path(LakeTable.MARKET_EXAMPLES))
        .where(col(MarketColumns.TRADING_DATE).equalTo(Date.valueOf(day)))
        .where(col(head).equalTo(1))
        .count();
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  // --- fixture: real files through the project's loaders, the range's rows into bronze ---

  private static void writeBars() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String symbol : SYMBOLS) {
      Path file = sharedDatasets().resolve("sp500_5yr/individual_stocks_5yr/" + symbol + "_data.csv");
      new OhlcvLoader().load(file, bar -> {
        if (BARS.contains(bar.tradingDate())) {
          rows.add(RowFactory.create(bar.symbol(), Date.valueOf(bar.tradingDate()), bar.open(), bar.high(), bar.low(),
              bar.close(), bar.adjClose(), bar.volume(), Date.valueOf(bar.eventDate())));
        }
      }, reject -> fail(file + ": " + reject));
    }
    assertTrue(rows.size() > SYMBOLS.size() * 50, rows.size() + " bars");
    spark.createDataFrame(rows, BRONZE_PRICES).write().format("delta").partitionBy(CanonicalSchemas.EVENT_DATE)
        .save(lake.path(LakeTable.PRICES));
  }

  private static void writeNews() throws IOException {
    Path file = sharedDatasets().resolve("stocknews_djia/Combined_News_DJIA.csv");
    List<Row> rows = new ArrayList<>();
    new StocknewsCombinedLoader().load(file, post -> {
      if (FEATURE_DAYS.contains(post.eventDate())) {
        rows.add(RowFactory.create(post.postId(), post.source(), post.title(), post.body(), post.score(),
            post.commentCount(), Timestamp.from(post.createdAt()), post.label(), Date.valueOf(post.eventDate())));
      }
    }, reject -> { });
    assertTrue(rows.size() >= 100, rows.size() + " headlines: 25 for each trading day");
    spark.createDataFrame(rows, BRONZE_NEWS).write().format("delta").partitionBy(CanonicalSchemas.EVENT_DATE)
        .save(lake.path(LakeTable.NEWS));
  }

  /** {@code ../shared/datasets}, as the parent pom's surefire configuration names it. */
  private static Path sharedDatasets() {
    String configured = System.getProperty("daystream.shared.datasets");
    Path root = configured == null || configured.isBlank()
        ? Path.of("..", "..", "shared", "datasets").toAbsolutePath().normalize()
        : Path.of(configured);
    if (!Files.isDirectory(root)) {
      fail("real datasets not found at " + root + ": point -Ddaystream.shared.datasets at ../shared/datasets");
    }
    return root;
  }
}
