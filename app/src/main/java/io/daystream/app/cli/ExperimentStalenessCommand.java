package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.evaluation.report.ReportFiles;
import io.daystream.features.day.DayRange;
import io.daystream.training.experiment.DayModels;
import io.daystream.training.experiment.ExperimentTables;
import io.daystream.training.experiment.StalenessExperiment;
import io.daystream.training.experiment.StalenessTable;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.tasks.RetrainJobs;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daystream experiment staleness}: what a model's age costs, and daily against weekly retraining. */
@Command(
    name = "staleness",
    mixinStandardHelpOptions = true,
    description = "Judges each day's model of one window, unchanged, on the days after its own (D+1 .. D+ages, as far "
        + "as features are materialized), and reports per head and age the mean and pooled RCE beside the oracle's; "
        + "then the range served by models retrained daily against models retrained weekly. Trains the days of "
        + "the range that have no model of that window yet. Writes reports/experiments/staleness-<task>-w<W>-<from>-<to>.{md,csv}.")
public final class ExperimentStalenessCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Weekly retraining serves a model for up to 6 days after its own: those ages are always judged. */
  private static final int WEEK_AGES = 6;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ExperimentOptions options;

  @Option(names = "--window", paramLabel = "DAYS",
      description = "The training window whose models age (default: the shortest of training.windows).")
  private Integer window;

  @Option(names = "--ages", paramLabel = "K", defaultValue = "7", description = "Oldest age judged, in days (default: 7).")
  private int ages;

  @Override
  public Integer call() {
    DayRange range = options.range(spec);
    if (ages < 1) {
      throw new ParameterException(spec.commandLine(), "--ages must be at least 1, not " + ages);
    }
    DaystreamConfig config = options.common.load();
    List<String> heads = options.heads(spec, config);
    int windowUsed = window == null ? config.training().windows().stream().min(Integer::compare).orElseThrow() : window;
    if (windowUsed < 1) {
      throw new ParameterException(spec.commandLine(), "--window must be a positive number of days, not " + windowUsed);
    }
    String family = options.family(config);
    List<StalenessTable.AgeRow> byAge;
    List<StalenessTable.Schedule> schedules;
    List<String> files;
    String markdown;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      SparkSession spark = runtime.spark();
      Lake lake = new Lake(config.lake());
      ModelRegistry registry = new ModelRegistry(spark, lake);
      trainMissingDays(spark, config, registry, range, windowUsed, heads, family);
      List<DayModels.DayModel> models = models(registry, range, windowUsed, heads, family);
      StalenessExperiment.Result result = new StalenessExperiment(RetrainJobs.task(options.task, spark, lake),
          RetrainJobs.judge(options.task), registry).run(models, Math.max(ages, WEEK_AGES));
      byAge = StalenessTable.byAge(result.judgements(), result.oracle()).stream().filter(row -> row.age() <= ages)
          .toList();
      schedules = StalenessTable.dailyVersusWeekly(result.judgements(), result.oracle(), range.first(), range.last());
      markdown = ExperimentTables.agesMarkdown(byAge) + "\n" + ExperimentTables.schedulesMarkdown(schedules);
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      String name = "experiments/staleness-" + options.task + "-w" + windowUsed + "-" + range.first() + "-"
          + range.last();
      files = List.of(
          ReportFiles.write(hadoop, lake.reportsRoot(), name + ".md", header(range, windowUsed, family) + markdown),
          ReportFiles.write(hadoop, lake.reportsRoot(), name + ".csv", ExperimentTables.agesCsv(byAge)));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(json(range, windowUsed, family, byAge, schedules));
    } else {
      out.print(header(range, windowUsed, family));
      out.print(markdown);
      files.forEach(file -> out.println("Written: " + file));
    }
    return ExitCodes.OK;
  }

  /** Days whose model of this window is missing for some head: retrained with this one window. */
  private void trainMissingDays(SparkSession spark, DaystreamConfig config, ModelRegistry registry, DayRange range,
      int windowUsed, List<String> heads, String family) {
    Set<String> present = models(registry, range, windowUsed, heads, family).stream()
        .map(m -> m.head() + "/" + m.day()).collect(Collectors.toSet());
    List<LocalDate> missing = range.days().stream()
        .filter(day -> heads.stream().anyMatch(head -> !present.contains(head + "/" + day))).toList();
    if (missing.isEmpty()) {
      return;
    }
    var backfill = RetrainJobs.backfill(options.task, family, spark, config);
    for (LocalDate day : missing) {
      backfill.run(DayRange.of(day), List.of(windowUsed), heads, false, ProgressBar.onTerminal());
    }
  }

  private List<DayModels.DayModel> models(ModelRegistry registry, DayRange range, int windowUsed, List<String> heads,
      String family) {
    return DayModels.select(registry.list(Optional.of(options.task), Optional.empty()), options.task, family,
        range.first(), range.last()).stream()
        .filter(m -> m.window() == windowUsed && heads.contains(m.head())).toList();
  }

  private String header(DayRange range, int windowUsed, String family) {
    return "Staleness of " + options.task + " models (" + family + ", " + windowUsed + "-day window), trained for "
        + range.first() + " .. " + range.last() + "\n\n";
  }

  private String json(DayRange range, int windowUsed, String family, List<StalenessTable.AgeRow> byAge,
      List<StalenessTable.Schedule> schedules) {
    ObjectNode root = JSON.createObjectNode().put("task", options.task).put("model", family).put("window", windowUsed)
        .put("from", range.first().toString()).put("to", range.last().toString());
    ArrayNode ageRows = root.putArray("ages");
    for (StalenessTable.AgeRow row : byAge) {
      ObjectNode node = ageRows.addObject().put("head", row.head()).put("age", row.age())
          .put("judgements", row.judgements()).put("mean_rce", row.meanRce());
      put(node, "pooled_rce", row.pooledRce());
      put(node, "oracle_pooled_rce", row.oraclePooledRce());
    }
    ArrayNode scheduleRows = root.putArray("schedules");
    for (StalenessTable.Schedule row : schedules) {
      ObjectNode node = scheduleRows.addObject().put("head", row.head()).put("days", row.days());
      put(node, "daily_pooled_rce", row.dailyPooledRce());
      put(node, "weekly_pooled_rce", row.weeklyPooledRce());
      put(node, "oracle_pooled_rce", row.oraclePooledRce());
    }
    return root.toString();
  }

  private static void put(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }
}
