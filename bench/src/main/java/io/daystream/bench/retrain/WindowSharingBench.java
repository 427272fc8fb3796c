package io.daystream.bench.retrain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.training.daily.DailyRetrain;
import io.daystream.training.tasks.RetrainJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What sharing one read among windows buys (not a test): the daily retraining of day D with all
 * four windows in one run, against the longest window alone, and against the four windows run one
 * by one (each reading its own days). Each variant runs {@code --repeat} times, interleaved; the
 * median wall time is reported. It registers versions and never promotes (min RCE 100, out of
 * reach): run it on a scratch copy of a lake. Writes {@code window-sharing-<time>.md/.json}.
 */
@Command(name = "window-sharing", mixinStandardHelpOptions = true,
    description = "Daily retrain time: four windows together against the longest alone and against one by one.")
public final class WindowSharingBench implements Callable<Integer> {

  @Option(names = "--home", required = true, description = "Home of a lake with gold/engagement_examples (a copy).")
  private Path home;

  @Option(names = "--date", required = true, description = "The evaluation day D.") private LocalDate date;
  @Option(names = "--windows", split = ",", defaultValue = "3,7,14,21") private List<Integer> windows;
  @Option(names = "--heads", split = ",", defaultValue = "like") private List<String> heads;
  @Option(names = "--repeat", defaultValue = "3") private int repeat;
  @Option(names = "--parallel-fits", defaultValue = "4",
      description = "A fourth variant: all windows in one run, this many models fitted at once.")
  private int parallelFits;
  @Option(names = "--results", defaultValue = "bench/results") private Path results;

  public static void main(String[] args) {
    System.exit(new CommandLine(new WindowSharingBench()).execute(args));
  }

  @Override
  public Integer call() {
    DaystreamConfig config = ConfigLoader.load(null, home, List.of("promotion.min-rce=100"));
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    DailyRetrain retrain = RetrainJobs.daily("engagement", spark, config);
    DailyRetrain parallel = RetrainJobs.daily("engagement", spark, ConfigLoader.load(null, home,
        List.of("promotion.min-rce=100", "training.parallel-fits=" + parallelFits)));
    int longest = windows.stream().mapToInt(Integer::intValue).max().orElseThrow();
    // Warm-up: the first Spark jobs of a JVM pay for code generation and class loading.
    retrain.run(date, List.of(windows.get(0)), heads);
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    seconds.put("all windows in one run " + windows, new ArrayList<>());
    seconds.put("longest window alone [" + longest + "]", new ArrayList<>());
    seconds.put("each window in its own run", new ArrayList<>());
    String parallelName = "all windows in one run, " + parallelFits + " fits at once";
    seconds.put(parallelName, new ArrayList<>());
    for (int round = 0; round < repeat; round++) {
      seconds.get("all windows in one run " + windows).add(time(() -> retrain.run(date, windows, heads)));
      seconds.get("longest window alone [" + longest + "]").add(time(() -> retrain.run(date, List.of(longest), heads)));
      seconds.get("each window in its own run").add(time(() -> windows.forEach(w -> retrain.run(date, List.of(w), heads))));
      seconds.get(parallelName).add(time(() -> parallel.run(date, windows, heads)));
    }
    write(seconds, longest);
    return 0;
  }

  private static double time(Runnable run) {
    long started = System.nanoTime();
    run.run();
    return (System.nanoTime() - started) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private void write(Map<String, List<Double>> seconds, int longest) {
    double together = median(seconds.get("all windows in one run " + windows));
    double alone = median(seconds.get("longest window alone [" + longest + "]"));
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "# Window sharing in the daily retraining%n%nLake `%s`, day %s, heads %s, %d runs of each variant "
            + "(median), %d cores, `%s`.%n%n| variant | median s | runs (s) |%n|---|---:|---|%n",
        home, date, heads, repeat, Runtime.getRuntime().availableProcessors(),
        "bin/daystream-bench windows --home " + home + " --date " + date));
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("home", home.toString()).put("date", date.toString())
        .put("repeat", repeat);
    ArrayNode variants = root.putArray("variants");
    seconds.forEach((name, runs) -> {
      md.append(String.format(Locale.ROOT, "| %s | %.1f | %s |%n", name, median(runs),
          runs.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()));
      ObjectNode variant = variants.addObject().put("variant", name).put("median_seconds", median(runs));
      runs.forEach(s -> variant.withArray("seconds").add(s));
    });
    double parallelTogether = median(seconds.get("all windows in one run, " + parallelFits + " fits at once"));
    md.append(String.format(Locale.ROOT, "%nAll windows together take %.2f× the longest window alone, %.2f× with %d "
        + "fits at once (goal: at most 1.5×).%n", together / alone, parallelTogether / alone, parallelFits));
    root.put("ratio_parallel_to_longest", parallelTogether / alone);
    root.put("ratio_all_to_longest", together / alone);
    System.out.print(md);
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    try {
      Files.createDirectories(results);
      Files.writeString(results.resolve("window-sharing-" + stamp + ".md"), md.toString());
      Files.writeString(results.resolve("window-sharing-" + stamp + ".json"), json.writerWithDefaultPrettyPrinter()
          .writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
