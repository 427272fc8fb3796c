package io.daystream.bench.text;

import static org.apache.spark.sql.functions.col;

import io.daystream.bench.report.BenchmarkSetup;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.load.news.RedditNewsLoader;
import io.daystream.features.text.TermsPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/daystream-bench text}: Daystream's Spark NLP text stages beside a plain Spark ML
 * baseline and a naive Spark NLP pipeline, on the same real headlines, documents per second.
 */
@Command(
    name = "daystream-bench text",
    mixinStandardHelpOptions = true,
    description = "Measures Daystream's Spark NLP text stages against a Spark ML RegexTokenizer + StopWordsRemover + "
        + "HashingTF baseline on the same real texts; writes text-<date>.md and .json to the results folder.")
public final class TextBenchmark implements Callable<Integer> {

  @Option(names = "--news", paramLabel = "FILE",
      description = "stocknews RedditNews.csv whose headlines are the documents (default: "
          + "<shared datasets>/stocknews_djia/RedditNews.csv).")
  private Path news;

  @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
      description = "Times every headline is repeated, for a bigger input (default: ${DEFAULT-VALUE}).")
  private int copies;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
      description = "Times every variant runs, in turn; the last round is the result (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--variants", split = ",", paramLabel = "V",
      description = "Variants to run (default: all; see the results file for their names).")
  private List<String> only = List.of();

  @Option(names = "--results", paramLabel = "DIR",
      description = "Folder of the results files (default: bench/results of the checkout).")
  private Path results = Path.of(System.getProperty("daystream.bench.results", "bench/results"));

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides a configuration key, e.g. --set spark.master=local[2].")
  private List<String> overrides = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new TextBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (rounds < 1 || copies < 1) {
      throw new IllegalArgumentException("--rounds and --copies must be at least 1");
    }
    Path file = news != null ? news : Path.of(System.getProperty("daystream.shared.datasets", "../shared/datasets"))
        .resolve("stocknews_djia/RedditNews.csv");
    List<String> headlines = new ArrayList<>();
    new RedditNewsLoader().load(file, post -> headlines.add(post.title()), reject -> { });
    Instant startedAt = Instant.now();
    String loadBefore = BenchmarkSetup.loadAverage();
    Path home = Files.createTempDirectory("daystream-text-bench-");
    DaystreamConfig config = ConfigLoader.load(null, home, overrides);
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    try {
      Dataset<Row> documents = documents(spark, headlines, home.resolve("documents.parquet"));
      long count = documents.count();
      List<TextVariant> variants = TextVariant.all(config.features()).stream()
          .filter(v -> only.isEmpty() || only.contains(v.name())).toList();
      List<TextRun> runs = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (TextVariant variant : variants) {
          PipelineModel model = variant.pipeline().fit(documents);
          System.gc();
          long start = System.nanoTime();
          model.transform(documents).write().format("noop").mode("overwrite").save();
          TextRun run = new TextRun(variant.name(), round, count, (System.nanoTime() - start) / 1_000_000);
          runs.add(run);
          System.out.printf(Locale.ROOT, "round %d %-32s %,9.0f docs/s (%.2f s)%n", round, variant.name(),
              run.documentsPerSecond(), run.millis() / 1000.0);
        }
      }
      Map<String, String> setup = new LinkedHashMap<>();
      setup.put("Documents", String.format(Locale.ROOT, "%,d headlines of %s%s, cached in memory before timing",
          count, file.getFileName(), copies > 1 ? " (each repeated " + copies + " times)" : ""));
      setup.put("Machine", String.format(Locale.ROOT, "%d cores, %s %s, max heap %d MB",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      setup.put("Spark", org.apache.spark.package$.MODULE$.SPARK_VERSION() + " `" + config.spark().master() + "`");
      setup.put("Settings", "features.text-hash-features " + config.features().textHashFeatures()
          + ", features.min-token-length " + config.features().minTokenLength());
      setup.put("Load average (1 min)", loadBefore + " before, " + BenchmarkSetup.loadAverage()
          + " after (other processes shared the cores)");
      TextBenchmarkReport report = new TextBenchmarkReport(startedAt, setup, variants, runs, rounds);
      Path written = report.writeTo(results);
      System.out.println();
      System.out.println(report.markdown());
      System.out.println("results: " + written.toAbsolutePath() + " (and .json)");
    } finally {
      spark.stop();
    }
    return 0;
  }

  /** The headlines as a cached one-column frame, through a Parquet file so no task ships the list. */
  private Dataset<Row> documents(SparkSession spark, List<String> headlines, Path parquet) {
    List<String> repeated = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      repeated.addAll(headlines);
    }
    spark.createDataset(repeated, Encoders.STRING()).toDF(TermsPipeline.INPUT)
        .repartition(spark.sparkContext().defaultParallelism())
        .write().parquet(parquet.toString());
    return spark.read().parquet(parquet.toString()).select(col(TermsPipeline.INPUT)).cache();
  }
}
