package io.daystream.bench.market;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.MarketFeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureRun;
import io.daystream.features.job.FeatureTasks;
import io.daystream.features.market.MarketColumns;
import io.daystream.features.market.MarketExamples;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Real-data measurement of the market features (not a test): builds {@code gold/market_examples}
 * with the market task over a range of bronze prices and news already loaded, summarizes its rows
 * per trading day, and judges a rolling logistic regression of {@code outperform} with momentum,
 * price and price-plus-news features. Writes {@code market-<date>.md} to the results folder.
 */
@Command(name = "market-measurement", mixinStandardHelpOptions = true,
    description = "Market feature table rows per day and a rolling logistic regression's pooled RCE of outperform.")
public final class MarketMeasurement implements Callable<Integer> {

  @Option(names = "--home", required = true, description = "Daystream home whose lake holds bronze prices and news.")
  private Path home;

  @Option(names = "--from", defaultValue = "2013-02-08") private LocalDate from;
  @Option(names = "--to", defaultValue = "2016-07-01") private LocalDate to;
  @Option(names = "--eval-from", defaultValue = "2015-01-02") private LocalDate evalFrom;
  @Option(names = "--eval-to", defaultValue = "2016-06-30") private LocalDate evalTo;

  @Option(names = "--windows", split = ",", defaultValue = "21",
      description = "Training windows in trading days before each judged day (default: ${DEFAULT-VALUE}).")
  private List<Integer> windows;

  @Option(names = "--feature-sets", split = ",", defaultValue = "momentum,prices,prices+news",
      description = "Feature sets judged (default: ${DEFAULT-VALUE}).")
  private List<String> featureSets;

  @Option(names = "--reg-param", defaultValue = "0.01") private double regParam;
  @Option(names = "--max-iterations", defaultValue = "25") private int maxIterations;
  @Option(names = "--retrain-every", defaultValue = "1",
      description = "Judged trading days per fitted model: 1 refits before every day (default: ${DEFAULT-VALUE}).")
  private int retrainEvery;

  @Option(names = "--one-pass", defaultValue = "true", negatable = true,
      description = "Compute the examples of the whole range in one pass (MarketExamples.examplesOf, the code each "
          + "day's compute calls) instead of materializing gold/market_examples day by day with the feature job.")
  private boolean onePass;

  @Option(names = "--check-days", split = ",",
      description = "Days whose one-pass rows are compared with the per-day compute of the feature set.")
  private List<LocalDate> checkDays = List.of();

  @Option(names = "--plain-text-features", defaultValue = "256",
      description = "Hashed features of the stand-in news text, written only when silver/news_text is absent.")
  private int plainTextFeatures;

  @Option(names = "--results", defaultValue = "bench/results") private Path results;

  private final List<String> report = new ArrayList<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private Path resultsFile;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MarketMeasurement()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    resultsFile = results.resolve("market-" + stamp + ".md");
    DaystreamConfig config = ConfigLoader.load(null, home, List.of());
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    Lake lake = new Lake(config.lake());
    MarketFeatureSettings settings = config.features().market();
    line("# Market features on real data, " + from + ".." + to);
    line("");
    line("Lake: `" + home + "`; feature set version `" + new MarketExamples(spark, lake, settings).featureSetVersion() + "`.");

    if (!DeltaTable.isDeltaTable(spark, lake.path(LakeTable.NEWS_TEXT))) {
      long start = System.nanoTime();
      long rows = PlainNewsText.write(spark, lake, plainTextFeatures);
      line("silver/news_text was absent: written for this measurement only with plain Spark ML (RegexTokenizer, "
          + "StopWordsRemover, HashingTF " + plainTextFeatures + "), no sentiment (null): " + rows + " rows, "
          + seconds(start) + " s.");
    }

    long start = System.nanoTime();
    MarketExamples set = new MarketExamples(spark, lake, settings);
    Dataset<Row> gold;
    if (onePass) {
      gold = set.examplesOf(new DayRange(from, to)).localCheckpoint();
      line("Examples computed in one pass over the range (`MarketExamples.examplesOf`): " + gold.count() + " rows, "
          + seconds(start) + " s.");
      for (LocalDate day : checkDays) {
        Dataset<Row> daily = set.compute(day);
        Dataset<Row> bulk = gold.where(col(MarketColumns.TRADING_DATE).equalTo(Date.valueOf(day)));
        long differ = daily.exceptAll(bulk).count() + bulk.exceptAll(daily).count();
        line("Check " + day + ": per-day compute " + daily.count() + " rows, one pass " + bulk.count() + " rows, "
            + differ + " rows differ.");
      }
    } else {
      List<FeatureRun> runs = FeatureTasks.of("market", spark, lake, config)
          .run(new DailyFeatureJob(spark, lake), new DayRange(from, to));
      for (FeatureRun run : runs) {
        line("Feature job `" + run.featureSet() + "`: " + run.written().size() + " days written, "
            + run.skipped().size() + " skipped, " + run.rows() + " rows, " + seconds(start) + " s; absent inputs "
            + run.absentInputs() + ".");
      }
      gold = spark.read().format("delta").load(lake.path(LakeTable.MARKET_EXAMPLES))
          .where(col(MarketColumns.TRADING_DATE).between(Date.valueOf(from), Date.valueOf(to)));
    }
    rowsPerDay(gold);

    List<LocalDate> tradingDays = gold.select(MarketColumns.TRADING_DATE).distinct().orderBy(MarketColumns.TRADING_DATE)
        .collectAsList().stream().map(r -> r.getDate(0).toLocalDate()).toList();
    List<LocalDate> judged = tradingDays.stream().filter(d -> !d.isBefore(evalFrom) && !d.isAfter(evalTo)).toList();
    line("");
    line("## Rolling logistic regression of `outperform`, pooled over " + judged.size() + " trading days "
        + evalFrom + ".." + evalTo);
    line("");
    line("Refitted before every " + (retrainEvery == 1 ? "" : retrainEvery + "th ") + "judged day D on the examples of "
        + "the W trading days before D (their labels are about days up to D)" + (retrainEvery == 1 ? "" : ", judging D "
        + "and the next " + (retrainEvery - 1) + " days") + "; Spark ML LogisticRegression, regParam " + regParam
        + ", standardization on, at most " + maxIterations + " iterations; "
        + "null features as 0 (a null text vector as the zero vector); rows without a label left out.");
    line("");
    line("| features | W | rows judged | positive rate | log loss | pooled RCE (%) | seconds |");
    line("|---|---|---|---|---|---|---|");
    for (int window : windows) {
      for (String featureSet : featureSets) {
        Dataset<Row> examples = assembled(gold, columnsOf(featureSet, settings), window, tradingDays).coalesce(2).localCheckpoint();
        long t = System.nanoTime();
        BinaryMetrics metrics = new RollingLogisticRegression(window, regParam, retrainEvery, maxIterations).pooled(examples, tradingDays, judged);
        String rce = metrics.rce().isPresent() ? String.format(Locale.ROOT, "%.3f", metrics.rce().getAsDouble()) : "n/a";
        line(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.5f | %s | %d |", featureSet, window, metrics.rows(),
            (double) metrics.positives() / metrics.rows(), metrics.logLoss(), rce, seconds(t)));
        figures.put(featureSet + "/W=" + window, rce);
        write(); // after every row: a long run stopped early keeps what it measured
      }
    }
    write();
    System.out.println("written " + resultsFile + " " + figures);
    return 0;
  }

  private void rowsPerDay(Dataset<Row> gold) {
    List<Long> counts = gold.groupBy(MarketColumns.TRADING_DATE).agg(count(lit(1)).as("n")).select("n")
        .collectAsList().stream().map(r -> r.getLong(0)).sorted().toList();
    long total = counts.stream().mapToLong(Long::longValue).sum();
    long median = counts.isEmpty() ? 0 : counts.get(counts.size() / 2);
    line("");
    line("Rows per trading day of the examples: " + counts.size() + " days, " + total + " rows, min "
        + (counts.isEmpty() ? 0 : counts.get(0)) + ", median " + median + ", max "
        + (counts.isEmpty() ? 0 : counts.get(counts.size() - 1)) + ".");
    figures.put("days", counts.size());
    figures.put("rows", total);
    figures.put("rows_per_day_median", median);
  }

  private static List<String> columnsOf(String set, MarketFeatureSettings settings) {
    List<String> prices = MarketColumns.priceFeatures(settings.returnLags(), settings.volatilityWindows());
    return switch (set) {
      case "momentum" -> settings.returnLags().stream().map(MarketColumns::returnOf).toList();
      case "prices" -> prices;
      case "prices+news" -> {
        List<String> all = new ArrayList<>(prices);
        all.addAll(List.of(MarketColumns.NEWS_COUNT, MarketColumns.NEWS_SENTIMENT, MarketColumns.NEWS_TEXT));
        yield all;
      }
      default -> throw new IllegalArgumentException("unknown feature set " + set);
    };
  }

  /** trading_date, features, label of the labelled rows from W trading days before the first judged day. */
  private Dataset<Row> assembled(Dataset<Row> gold, List<String> columns, int window, List<LocalDate> tradingDays) {
    int first = tradingDays.indexOf(tradingDays.stream().filter(d -> !d.isBefore(evalFrom)).findFirst().orElseThrow());
    LocalDate since = tradingDays.get(Math.max(0, first - window));
    Dataset<Row> rows = gold.where(col(MarketColumns.TRADING_DATE).between(Date.valueOf(since), Date.valueOf(evalTo))
        .and(col(MarketColumns.OUTPERFORM).isNotNull()));
    List<String> inputs = new ArrayList<>();
    for (String column : columns) {
      if (column.equals(MarketColumns.NEWS_TEXT)) {
        int size = textSize(rows);
        rows = rows.withColumn("_text", orZeros(size).apply(col(column)));
        inputs.add("_text");
      } else {
        rows = rows.withColumn("_" + column, org.apache.spark.sql.functions.coalesce(col(column).cast("double"), lit(0.0)));
        inputs.add("_" + column);
      }
    }
    Dataset<Row> withFeatures = new VectorAssembler().setInputCols(inputs.toArray(String[]::new)).setOutputCol("features")
        .transform(rows);
    return withFeatures.select(col(MarketColumns.TRADING_DATE), col("features"),
        col(MarketColumns.OUTPERFORM).cast("double").as("label"));
  }

  private static int textSize(Dataset<Row> rows) {
    List<Row> one = rows.where(col(MarketColumns.NEWS_TEXT).isNotNull()).select(MarketColumns.NEWS_TEXT).limit(1)
        .collectAsList();
    if (one.isEmpty()) {
      throw new IllegalStateException("no news text vector in the range: is silver/news_text filled?");
    }
    return ((Vector) one.get(0).get(0)).size();
  }

  private static UserDefinedFunction orZeros(int size) {
    return udf((UDF1<Vector, Vector>) v -> v == null ? Vectors.sparse(size, new int[0], new double[0]) : v,
        new VectorUDT());
  }

  private void line(String text) {
    System.out.println(text);
    report.add(text);
  }

  private void write() throws IOException {
    Files.createDirectories(results);
    Files.writeString(resultsFile, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
  }

  private static long seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000_000L;
  }
}
