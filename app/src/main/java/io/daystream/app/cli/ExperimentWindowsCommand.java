package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.report.ReportFiles;
import io.daystream.features.day.DayRange;
import io.daystream.training.experiment.DayModels;
import io.daystream.training.experiment.ExperimentTables;
import io.daystream.training.experiment.OracleBaseline;
import io.daystream.training.experiment.WindowComparison;
import io.daystream.training.experiment.WindowComparison.WindowStats;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.tasks.RetrainJobs;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daystream experiment windows}: which training window serves each head best over a range. */
@Command(
    name = "windows",
    mixinStandardHelpOptions = true,
    description = "Runs (or reuses) the daily retraining of every day of the range, then reports per head and "
        + "window: mean and spread of the daily RCE, the RCE pooled over the range, the oracle's pooled RCE when "
        + "known, and on how many days each window won. Writes reports/experiments/windows-<task>-<from>-<to>.{md,csv}.")
public final class ExperimentWindowsCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private ExperimentOptions options;

  @Option(names = "--windows", split = ",", paramLabel = "DAYS",
      description = "Training windows in days (default: training.windows).")
  private List<Integer> windows;

  @Override
  public Integer call() {
    DayRange range = options.range(spec);
    DaystreamConfig config = options.common.load();
    List<String> heads = options.heads(spec, config);
    List<Integer> windowsUsed = windows == null ? config.training().windows() : windows;
    if (windowsUsed.stream().anyMatch(w -> w < 1)) {
      throw new ParameterException(spec.commandLine(), "--windows must be positive numbers of days, not " + windowsUsed);
    }
    String family = options.family(config);
    List<WindowStats> stats;
    Map<String, Map<LocalDate, BinaryMetrics>> oracle;
    String markdown;
    List<String> files;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      SparkSession spark = runtime.spark();
      Lake lake = new Lake(config.lake());
      RetrainJobs.backfill(options.task, family, spark, config)
          .run(range, windowsUsed, heads, false, ProgressBar.onTerminal());
      List<DayModels.DayModel> models = DayModels.select(
          new ModelRegistry(spark, lake).list(Optional.of(options.task), Optional.empty()), options.task, family,
          range.first(), range.last()).stream()
          .filter(m -> heads.contains(m.head()) && windowsUsed.contains(m.window())).toList();
      stats = WindowComparison.of(models);
      oracle = OracleBaseline.of(RetrainJobs.task(options.task, spark, lake), RetrainJobs.judge(options.task), heads,
          new DayRange(range.first(), range.last()));
      markdown = ExperimentTables.windowsMarkdown(stats, oracle);
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      String name = "experiments/windows-" + options.task + "-" + range.first() + "-" + range.last();
      files = List.of(
          ReportFiles.write(hadoop, lake.reportsRoot(), name + ".md", header(range, family) + markdown),
          ReportFiles.write(hadoop, lake.reportsRoot(), name + ".csv", ExperimentTables.windowsCsv(stats)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(json(range, family, stats));
    } else {
      out.print(header(range, family));
      out.print(markdown);
      files.forEach(file -> out.println("Written: " + file));
    }
    return ExitCodes.OK;
  }

  private String header(DayRange range, String family) {
    return "Windows of " + options.task + " (" + family + "), evaluation days " + range.first() + " .. "
        + range.last() + "\n\n";
  }

  private String json(DayRange range, String family, List<WindowStats> stats) {
    ObjectNode root = JSON.createObjectNode().put("task", options.task).put("model", family)
        .put("from", range.first().toString()).put("to", range.last().toString());
    ArrayNode rows = root.putArray("windows");
    for (WindowStats row : stats) {
      ObjectNode node = rows.addObject().put("head", row.head()).put("window", row.window()).put("days", row.days())
          .put("mean_rce", row.meanRce()).put("spread", row.spread()).put("wins", row.wins());
      if (row.pooledRce().isPresent()) {
        node.put("pooled_rce", row.pooledRce().getAsDouble());
      } else {
        node.putNull("pooled_rce");
      }
    }
    return root.toString();
  }
}
