package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.outcome.LiveMetric;
import io.daystream.features.day.DayRange;
import io.daystream.scoring.live.LiveMetrics;
import io.daystream.training.engagement.EngagementTask;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream live-metrics}: the served models' quality on the traffic that followed. */
@Command(
    name = "live-metrics",
    mixinStandardHelpOptions = true,
    description = "Joins each impression of the day in bronze/engagements to the score that answered it (same user "
        + "and tweet, the latest request at or before it) and writes, per head, role (champion served, shadow scored "
        + "beside it) and version, the RCE, PR-AUC and log loss per UTC hour and for the day to ops/live_metrics, "
        + "replacing the day's rows; prints the whole-day rows. `report` shows them.")
public final class LiveMetricsCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private DayOptions days;

  @Option(names = "--json", description = "Print one JSON array: per day, head, role, version and hour (null for "
      + "the whole day), rows, positives, rce, pr_auc, log_loss.")
  private boolean json;

  @Override
  public Integer call() {
    DayRange range = days.days(spec);
    DaystreamConfig config = common.load();
    List<LiveMetric> metrics = new ArrayList<>();
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      Lake lake = new Lake(config.lake());
      LiveMetrics live = new LiveMetrics(runtime.spark(), lake.path(LakeTable.SCORES),
          lake.path(LakeTable.ENGAGEMENTS), lake.path(LakeTable.LIVE_METRICS), EngagementTask.HEADS);
      for (LocalDate day : range.days()) {
        metrics.addAll(live.compute(day));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode rows = JSON.createArrayNode();
      for (LiveMetric metric : metrics) {
        BinaryMetrics m = metric.metrics();
        ObjectNode row = rows.addObject().put("day", metric.day().toString())
            .put("hour", metric.hour().map(Object::toString).orElse(null)).put("head", metric.head())
            .put("role", metric.role()).put("version", metric.version()).put("rows", m.rows())
            .put("positives", m.positives()).put("log_loss", m.logLoss());
        put(row, "rce", m.rce());
        put(row, "pr_auc", m.prAuc());
      }
      out.println(rows);
      return ExitCodes.OK;
    }
    List<LiveMetric> wholeDays = metrics.stream().filter(m -> m.hour().isEmpty()).toList();
    if (wholeDays.isEmpty()) {
      out.println("no impression of " + range + " answers a score: nothing to judge yet");
      return ExitCodes.OK;
    }
    out.printf("%-10s  %-7s  %-8s  %-40s  %8s  %9s  %7s  %7s  %8s%n", "day", "head", "role", "version", "rows",
        "positives", "RCE", "PR-AUC", "log loss");
    for (LiveMetric metric : wholeDays) {
      BinaryMetrics m = metric.metrics();
      out.printf(Locale.ROOT, "%-10s  %-7s  %-8s  %-40s  %8d  %9d  %7s  %7s  %8.4f%n", metric.day(), metric.head(),
          metric.role(), metric.version(), m.rows(), m.positives(), format(m.rce()), format(m.prAuc()), m.logLoss());
    }
    return ExitCodes.OK;
  }

  private static void put(ObjectNode row, String name, OptionalDouble value) {
    if (value.isPresent()) {
      row.put(name, value.getAsDouble());
    } else {
      row.putNull(name);
    }
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "-";
  }
}
