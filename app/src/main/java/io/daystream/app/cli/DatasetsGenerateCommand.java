package io.daystream.app.cli;

import io.daystream.app.generate.OracleByDay;
import io.daystream.app.generate.SyntheticBackfill;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.DemoSettings;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.ingestion.backfill.BackfillResult;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code daystream datasets generate}: synthetic tweets and engagements with known true
 * probabilities into the bronze tables, and the oracle's RCE per day.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates drifting synthetic tweets and engagements (defaults: the demo.* settings) into the "
        + "bronze tables through the ingestion path, and prints the oracle's RCE per day and head: the best any "
        + "model can reach on that day.")
public final class DatasetsGenerateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--days", description = "Days to generate.")
  private Integer days;

  @Option(names = "--users", description = "Users.")
  private Integer users;

  @Option(names = "--authors", description = "Authors.")
  private Integer authors;

  @Option(names = "--tweets-per-day", description = "Tweets created per day.")
  private Integer tweetsPerDay;

  @Option(names = "--impressions-per-day", description = "Impressions per day.")
  private Integer impressionsPerDay;

  @Option(names = "--drift", description = "Share of topic trends and interests renewed per day, in [0, 1].")
  private Double drift;

  @Option(names = "--seed", description = "Random seed: the same seed gives the same data.")
  private Long seed;

  @Option(names = "--start-date", description = "First day, e.g. 2020-03-01.")
  private LocalDate startDate;

  @Override
  public Integer call() throws Exception {
    DaystreamConfig config = common.load();
    DemoSettings demo = config.demo();
    SimulationSettings settings = new SimulationSettings(
        seed != null ? seed : demo.seed(),
        startDate != null ? startDate : demo.startDate(),
        days != null ? days : demo.days(),
        users != null ? users : demo.users(),
        authors != null ? authors : demo.authors(),
        demo.topics(),
        tweetsPerDay != null ? tweetsPerDay : demo.tweetsPerDay(),
        impressionsPerDay != null ? impressionsPerDay : demo.impressionsPerDay(),
        drift != null ? drift : demo.driftRate());
    long started = System.nanoTime();
    SyntheticBackfill.Result result;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      result = new SyntheticBackfill(runtime.spark(), config).write(new EngagementSimulator(settings));
    }
    print(spec.commandLine().getOut(), settings, result, (System.nanoTime() - started) / 1e9);
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, SimulationSettings settings, SyntheticBackfill.Result result,
      double seconds) {
    BackfillResult written = result.backfill();
    out.printf(Locale.ROOT, "Generated %s: %d rows written, %d quarantined, in %.1f s%n", settings, written.rows(),
        written.quarantined(), seconds);
    out.printf(Locale.ROOT, "%nBest RCE per day and head, oracle / past-only: the oracle knows the true "
        + "probabilities; the past-only forecast knows the exact world of the day before, not the day's drift, "
        + "and bounds any model trained on earlier days.%n");
    out.printf(Locale.ROOT, "  %-10s %11s %9s", "day", "impressions", "like rate");
    OracleByDay.heads().forEach(head -> out.printf(Locale.ROOT, " %17s", head));
    out.println();
    Map<String, List<Double>> oracleRces = new LinkedHashMap<>();
    Map<String, List<Double>> pastOnlyRces = new LinkedHashMap<>();
    result.oracle().forEach((day, byHead) -> {
      BinaryMetrics like = byHead.get("like");
      out.printf(Locale.ROOT, "  %-10s %11d %9.4f", day, like.rows(), like.positives() / (double) like.rows());
      // Day 0 has no past: its forecast is the world's average, not a forecast from a day before.
      boolean hasPast = !day.equals(settings.startDate());
      byHead.forEach((head, oracle) -> {
        BinaryMetrics pastOnly = result.pastOnly().getOrDefault(day, Map.of()).get(head);
        out.printf(Locale.ROOT, " %8s/%-8s", rce(oracle), pastOnly == null ? "-" : rce(pastOnly));
        if (hasPast && pastOnly != null && oracle.rce().isPresent() && pastOnly.rce().isPresent()) {
          oracleRces.computeIfAbsent(head, h -> new ArrayList<>()).add(oracle.rce().getAsDouble());
          pastOnlyRces.computeIfAbsent(head, h -> new ArrayList<>()).add(pastOnly.rce().getAsDouble());
        }
      });
      out.println();
    });
    out.printf(Locale.ROOT, "  %-32s", "mean over days after the first");
    OracleByDay.heads().forEach(head -> out.printf(Locale.ROOT, " %8s/%-8s",
        mean(oracleRces.getOrDefault(head, List.of())), mean(pastOnlyRces.getOrDefault(head, List.of()))));
    out.println();
  }

  private static String mean(List<Double> values) {
    return values.isEmpty() ? "-"
        : String.format(Locale.ROOT, "%.3f", values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
  }

  private static String rce(BinaryMetrics metrics) {
    return metrics.rce().isPresent() ? String.format(Locale.ROOT, "%.3f", metrics.rce().getAsDouble()) : "undefined";
  }
}
