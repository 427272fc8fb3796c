package io.daystream.bench.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.bench.report.ResultFiles;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.training.engagement.EngagementJudge;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.features.day.DayRange;
import io.daystream.features.engagement.EngagementExamples;
import io.daystream.training.model.EngagementModelTrainer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How close the engagement models come to the best possible (not a test): on a synthetic lake
 * whose gold features are materialized, for each judged day D and head, the product's trainer
 * fitted on the window before D and judged on D, beside the oracle (the generator's true
 * probabilities). Writes {@code engagement-quality-<time>.md/.json}.
 */
@Command(name = "engagement-quality", mixinStandardHelpOptions = true,
    description = "Per day and head: the model's RCE on the day after its window, the oracle's, and the share.")
public final class EngagementQualityBench implements Callable<Integer> {

  @Option(names = "--home", required = true, description = "Home of a synthetic lake with gold/engagement_examples.")
  private Path home;

  @Option(names = "--from", required = true, description = "First judged day.") private LocalDate from;
  @Option(names = "--to", required = true, description = "Last judged day.") private LocalDate to;
  @Option(names = "--window", defaultValue = "3", description = "Training days before each judged day.")
  private int window;

  @Option(names = "--heads", split = ",", defaultValue = "like,reply,retweet,quote") private List<String> heads;
  @Option(names = "--set", description = "Override one config key, e.g. training.reg-param=0.01 (repeatable).")
  private List<String> overrides = new ArrayList<>();
  @Option(names = "--label", defaultValue = "", description = "A name for this run in the results.")
  private String label;

  @Option(names = "--results", defaultValue = "bench/results") private Path results;

  public static void main(String[] args) {
    System.exit(new CommandLine(new EngagementQualityBench()).execute(args));
  }

  @Override
  public Integer call() {
    Instant started = Instant.now();
    DaystreamConfig config = ConfigLoader.load(null, home, overrides);
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    EngagementExamples examples = new EngagementExamples(spark, new Lake(config.lake()));
    EngagementModelTrainer trainer = new EngagementModelTrainer(config.features(), config.training());
    EngagementJudge judge = new EngagementJudge();
    ObjectNode json = new ObjectMapper().createObjectNode().put("home", home.toString()).put("window", window)
        .put("label", label).put("overrides", String.join(" ", overrides));
    ArrayNode rows = json.putArray("days");
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "# Engagement model quality against the oracle%n%nLake `%s`, %d-day window, judged %s..%s%s%s.%n%n"
            + "| head | day | rows | model RCE | oracle RCE | share |%n|---|---|---:|---:|---:|---:|%n",
        home, window, from, to, label.isEmpty() ? "" : ", " + label,
        overrides.isEmpty() ? "" : ", with " + String.join(" ", overrides)));
    StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
        "%n| head | days | mean model RCE | mean oracle RCE | share of means |%n|---|---:|---:|---:|---:|%n"));
    Map<String, double[]> sums = new LinkedHashMap<>();
    heads.forEach(head -> sums.put(head, new double[3]));
    List<String> lines = new ArrayList<>();
    // Days outside, heads inside: each day's examples are read and cached once for every head.
    for (LocalDate day : new DayRange(from, to).days()) {
      Dataset<Row> training = examples.between(DayRange.before(day, window)).rows().cache();
      Dataset<Row> judged = examples.between(DayRange.of(day)).rows().cache();
      for (String head : heads) {
        BinaryMetrics metrics = judge.judge(trainer.fit(training, head), judged, head);
        double oracle = judge.oracle(judged, head).orElseThrow(
            () -> new IllegalArgumentException("no true probabilities on " + day + ": a synthetic lake is needed"))
            .rce().orElseThrow();
        double rce = metrics.rce().orElseThrow();
        lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.0f %% |%n", head, day, metrics.rows(),
            rce, oracle, 100 * rce / oracle));
        rows.addObject().put("head", head).put("day", day.toString()).put("rows", metrics.rows())
            .put("model_rce", rce).put("oracle_rce", oracle);
        System.out.printf(Locale.ROOT, "%s %s model %.3f oracle %.3f%n", head, day, rce, oracle);
        double[] sum = sums.get(head);
        sum[0] += rce;
        sum[1] += oracle;
        sum[2]++;
      }
      training.unpersist();
      judged.unpersist();
    }
    // The table lists one head after another, as before.
    for (String head : heads) {
      lines.stream().filter(line -> line.startsWith("| " + head + " |")).forEach(md::append);
      double[] sum = sums.get(head);
      summary.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.0f %% |%n", head, (int) sum[2],
          sum[0] / sum[2], sum[1] / sum[2], 100 * sum[0] / sum[1]));
    }
    md.append(summary).append(String.format(Locale.ROOT, "%nTook %d s.%n",
        java.time.Duration.between(started, Instant.now()).toSeconds()));
    Path file = ResultFiles.write(results, "engagement-quality", started, md.toString(), json);
    System.out.println(md);
    System.out.println("written " + file);
    return 0;
  }
}
