package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureRun;
import io.daystream.features.job.FeatureTask;
import io.daystream.features.job.FeatureTasks;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code daystream features}: materializes a task's gold feature table for a day or a range of
 * days, each day once; see {@link DailyFeatureJob}.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Writes the point-in-time feature table of a task (gold/engagement_examples or "
        + "gold/market_examples) for a day or a range, with what it is built from. A day already computed from "
        + "the same inputs with the same feature-set version is skipped; any other day replaces exactly itself.")
public final class FeaturesCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "engagement or market.")
  private String task;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private DayOptions days;

  @Option(names = "--json", description = "Print one JSON object: per feature set, days written, days skipped, rows.")
  private boolean json;

  @Override
  public Integer call() {
    if (!FeatureTasks.NAMES.contains(task)) {
      throw new ParameterException(spec.commandLine(), "--task must be one of " + FeatureTasks.NAMES + ", not '" + task + "'");
    }
    DayRange range = days.days(spec);
    DaystreamConfig config = common.load();
    List<FeatureRun> runs;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      Lake lake = new Lake(config.lake());
      FeatureTask featureTask = FeatureTasks.of(task, runtime.spark(), lake, config);
      runs = featureTask.run(new DailyFeatureJob(runtime.spark(), lake), range);
    }
    if (json) {
      spec.commandLine().getOut().println(json(range, runs));
    } else {
      for (FeatureRun run : runs) {
        spec.commandLine().getOut().printf("%s: %d days written, %d skipped (up to date), %,d rows%s%n",
            run.featureSet(), run.written().size(), run.skipped().size(), run.rows(),
            run.absentInputs().isEmpty() ? ""
                : "; absent, read as empty (their features are null): " + String.join(", ", run.absentInputs()));
      }
    }
    return ExitCodes.OK;
  }

  private String json(DayRange range, List<FeatureRun> runs) {
    ObjectNode root = JSON.createObjectNode().put("task", task).put("from", range.first().toString())
        .put("to", range.last().toString());
    ArrayNode sets = root.putArray("feature_sets");
    for (FeatureRun run : runs) {
      ObjectNode set = sets.addObject().put("feature_set", run.featureSet()).put("rows", run.rows());
      run.written().forEach(day -> set.withArray("days_written").add(day.toString()));
      run.skipped().forEach(day -> set.withArray("days_skipped").add(day.toString()));
      set.put("days_written_count", run.written().size()).put("days_skipped_count", run.skipped().size());
      run.absentInputs().forEach(table -> set.withArray("absent_inputs").add(table));
    }
    return root.toString();
  }
}
