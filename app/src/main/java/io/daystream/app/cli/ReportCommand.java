package io.daystream.app.cli;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.outcome.LiveMetric;
import io.daystream.evaluation.report.HeadFigures;
import io.daystream.evaluation.report.HeadFigures.AgeValue;
import io.daystream.evaluation.report.RangeReport;
import io.daystream.evaluation.report.ReportFiles;
import io.daystream.features.day.DayRange;
import io.daystream.scoring.live.LiveMetrics;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.experiment.ReportFigures;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.tasks.RetrainJobs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daystream report}: the HTML report of a day or a range, with charts, plus CSV and Markdown. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes reports/report-<task>-<from>-<to>.html, a self-contained page with charts (JFreeChart): per "
        + "head, RCE per window over time beside the oracle where known, the champion timeline, the staleness curve "
        + "(when `experiment staleness` ran for the range) and the serving champion's calibration on the last day; "
        + "the same figures as .csv and .md. Prints the path of the page.")
public final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--task", defaultValue = "engagement", paramLabel = "TASK", description = "engagement (default) or market.")
  private String task;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private DayOptions days;

  @Option(names = "--heads", split = ",", paramLabel = "HEAD", description = "Heads (default: training.heads).")
  private List<String> heads;

  @Option(names = "--model", paramLabel = "FAMILY", description = "lr or gbt (default: training.model).")
  private String model;

  @Override
  public Integer call() {
    if (!RetrainJobs.TASKS.contains(task)) {
      throw new ParameterException(spec.commandLine(), "--task must be one of " + RetrainJobs.TASKS + ", not '" + task + "'");
    }
    DayRange range = days.days(spec);
    DaystreamConfig config = common.load();
    List<String> headsUsed = heads == null ? RetrainJobs.defaultHeads(task, config) : heads;
    for (String head : headsUsed) {
      if (!RetrainJobs.heads(task).contains(head)) {
        throw new ParameterException(spec.commandLine(), "--heads: task " + task + " has no head '" + head + "'");
      }
    }
    String family = model == null ? config.training().model() : model;
    List<String> written = new ArrayList<>();
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      SparkSession spark = runtime.spark();
      Lake lake = new Lake(config.lake());
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      Map<String, List<AgeValue>> staleness = staleness(hadoop, lake, config, range);
      List<HeadFigures> figures = new ReportFigures(RetrainJobs.task(task, spark, lake), RetrainJobs.judge(task),
          new ModelRegistry(spark, lake)).collect(range, headsUsed, family, staleness);
      List<LiveMetric> live = task.equals(EngagementTask.NAME)
          ? new LiveMetrics(spark, lake.path(LakeTable.SCORES), lake.path(LakeTable.ENGAGEMENTS),
              lake.path(LakeTable.LIVE_METRICS), headsUsed).storedDays(range.first(), range.last())
          : List.of();
      String base = RangeReport.baseName(task, range.first(), range.last());
      written.add(ReportFiles.write(hadoop, lake.reportsRoot(), base + ".html",
          RangeReport.html(task, range.first(), range.last(), figures, live)));
      written.add(ReportFiles.write(hadoop, lake.reportsRoot(), base + ".csv", RangeReport.csv(figures)));
      written.add(ReportFiles.write(hadoop, lake.reportsRoot(), base + ".md",
          RangeReport.markdown(task, range.first(), range.last(), figures, live)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Report: " + written.get(0));
    out.println("Tables: " + written.get(1) + ", " + written.get(2));
    return ExitCodes.OK;
  }

  /** The table of the staleness experiment of exactly this range, of the first configured window that has one. */
  private Map<String, List<AgeValue>> staleness(Configuration hadoop, Lake lake, DaystreamConfig config, DayRange range) {
    for (int window : config.training().windows().stream().sorted().toList()) {
      Optional<String> csv = ReportFiles.read(hadoop, lake.reportsRoot(), "experiments/staleness-" + task + "-w"
          + window + "-" + range.first() + "-" + range.last() + ".csv");
      if (csv.isPresent()) {
        return parseAges(csv.get());
      }
    }
    return Map.of();
  }

  /** Reads {@code head,age,judgements,mean_rce,pooled_rce,…} as written by the staleness experiment. */
  static Map<String, List<AgeValue>> parseAges(String csv) {
    Map<String, List<AgeValue>> ages = new HashMap<>();
    csv.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
      String[] cells = line.split(",", -1);
      if (!cells[4].isEmpty()) {
        ages.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(
            new AgeValue(Integer.parseInt(cells[1]), Double.parseDouble(cells[4]), Integer.parseInt(cells[2])));
      }
    });
    return ages;
  }
}
