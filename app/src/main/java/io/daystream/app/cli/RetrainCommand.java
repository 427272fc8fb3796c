package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.SkippedWindow;
import io.daystream.evaluation.outcome.WindowResult;
import io.daystream.evaluation.report.ReportFiles;
import io.daystream.evaluation.report.RetrainReport;
import io.daystream.evaluation.report.RetrainText;
import io.daystream.features.day.DayRange;
import io.daystream.training.daily.RetrainBackfill;
import io.daystream.training.tasks.RetrainJobs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code daystream retrain}: the daily retraining of a task for a day, or a backfill of a range
 * that resumes where it stopped; see {@link io.daystream.training.daily.DailyRetrain} and
 * {@link RetrainBackfill}.
 */
@Command(
    name = "retrain",
    mixinStandardHelpOptions = true,
    description = {
        "For each head and window W, trains on the feature days [D-W, D-1], evaluates on day D (never seen in "
            + "training), registers the model and decides promotion. Reads gold/<task>_examples: run "
            + "`daystream features` for the days first.",
        "A range runs every day as a backfill: a day already finished with the same windows, heads and model "
            + "is reused (--force retrains it), a day without examples is skipped with the reason, and a "
            + "backfill stopped part-way resumes at the first unfinished day. Writes an HTML report per trained day."})
public final class RetrainCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "engagement (heads like, reply, retweet, quote) or market (heads outperform, up).")
  private String task;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private DayOptions days;

  @Option(names = "--windows", split = ",", paramLabel = "DAYS",
      description = "Training windows in days, e.g. 3,7,14,21 (default: training.windows).")
  private List<Integer> windows;

  @Option(names = "--heads", split = ",", paramLabel = "HEAD",
      description = "Heads to train, e.g. like,reply (default: training.heads for engagement, every head for market).")
  private List<String> heads;

  @Option(names = "--model", paramLabel = "FAMILY", description = "lr or gbt (default: training.model).")
  private String model;

  @Option(names = "--force", description = "Retrain days already finished with the same settings (adds versions).")
  private boolean force;

  @Option(names = "--json", description = "Print one JSON object: per day, its status and every head's models.")
  private boolean json;

  @Override
  public Integer call() {
    if (!RetrainJobs.TASKS.contains(task)) {
      throw new ParameterException(spec.commandLine(), "--task must be one of " + RetrainJobs.TASKS + ", not '"
          + task + "'");
    }
    DayRange range = days.days(spec);
    DaystreamConfig config = common.load();
    List<Integer> windowsUsed = windows == null ? config.training().windows() : windows;
    List<String> headsUsed = heads == null ? RetrainJobs.defaultHeads(task, config) : heads;
    if (windowsUsed.stream().anyMatch(w -> w < 1)) {
      throw new ParameterException(spec.commandLine(), "--windows must be positive numbers of days, not " + windowsUsed);
    }
    for (String head : headsUsed) {
      if (!RetrainJobs.heads(task).contains(head)) {
        throw new ParameterException(spec.commandLine(), "--heads: task " + task + " has no head '" + head
            + "'; its heads: " + RetrainJobs.heads(task));
      }
    }
    String family = model == null ? config.training().model() : model;
    List<RetrainBackfill.DayResult> results;
    List<String> reports = new ArrayList<>();
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      RetrainBackfill backfill = RetrainJobs.backfill(task, family, runtime.spark(), config);
      results = backfill.run(range, windowsUsed, headsUsed, force, ProgressBar.onTerminal());
      Lake lake = new Lake(config.lake());
      for (RetrainBackfill.DayResult result : results) {
        result.outcome().ifPresent(outcome -> reports.add(ReportFiles.write(
            runtime.spark().sparkContext().hadoopConfiguration(), lake.reportsRoot(),
            RetrainReport.fileName(outcome), RetrainReport.html(outcome))));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(range, family, windowsUsed, headsUsed, results));
    } else {
      for (RetrainBackfill.DayResult result : results) {
        out.print(text(result));
      }
      reports.forEach(report -> out.println("Report: " + report));
    }
    return ExitCodes.OK;
  }

  private static String text(RetrainBackfill.DayResult result) {
    return switch (result.status()) {
      case TRAINED -> RetrainText.of(result.outcome().orElseThrow()) + "\n";
      case REUSED -> result.day() + ": already retrained with these settings; reused (--force retrains it)\n";
      case SKIPPED -> result.day() + ": skipped - " + result.reason().orElse("") + "\n";
    };
  }

  private static String json(DayRange range, String family, List<Integer> windows, List<String> heads,
      List<RetrainBackfill.DayResult> results) {
    ObjectNode root = JSON.createObjectNode().put("from", range.first().toString()).put("to", range.last().toString())
        .put("model", family);
    windows.forEach(w -> root.withArray("windows").add(w));
    heads.forEach(h -> root.withArray("heads").add(h));
    ArrayNode days = root.putArray("days");
    for (RetrainBackfill.DayResult result : results) {
      ObjectNode day = days.addObject().put("day", result.day().toString())
          .put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
      result.reason().ifPresent(reason -> day.put("reason", reason));
      result.outcome().ifPresent(outcome -> addOutcome(day, outcome));
    }
    return root.toString();
  }

  private static void addOutcome(ObjectNode day, RetrainOutcome outcome) {
    day.put("task", outcome.task()).put("evaluation_rows", outcome.evaluationRows());
    ArrayNode heads = day.putArray("heads");
    for (HeadOutcome head : outcome.heads()) {
      ObjectNode node = heads.addObject().put("head", head.head()).put("promoted", head.promoted())
          .put("reason", head.decision().reason());
      head.previousChampion().ifPresent(v -> node.put("previous_champion", v));
      head.champion().ifPresent(v -> node.put("champion", v));
      head.oracle().ifPresent(oracle -> putMetrics(node.putObject("oracle"), oracle));
      ArrayNode models = node.putArray("models");
      for (WindowResult result : head.windows()) {
        ObjectNode m = models.addObject().put("version", result.version()).put("window", result.window().days())
            .put("train_first_day", result.window().firstDay().toString())
            .put("train_last_day", result.window().lastDay().toString()).put("train_rows", result.trainRows());
        putMetrics(m, result.metrics());
      }
      ArrayNode skipped = node.putArray("skipped");
      for (SkippedWindow window : head.skipped()) {
        skipped.addObject().put("version", window.version()).put("window", window.window().days())
            .put("train_rows", window.trainRows()).put("train_positives", window.trainPositives())
            .put("reason", window.reason());
      }
    }
  }

  private static void putMetrics(ObjectNode node, BinaryMetrics metrics) {
    node.put("rows", metrics.rows()).put("positives", metrics.positives()).put("log_loss", metrics.logLoss());
    putOptional(node, "rce", metrics.rce());
    putOptional(node, "pr_auc", metrics.prAuc());
  }

  private static void putOptional(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }
}
