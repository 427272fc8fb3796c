package io.daystream.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream registry list}: the versions, with their metrics and which one serves. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists model versions (registered, staged, skipped), oldest evaluation day first, with their "
        + "window, rows, metrics on the evaluation day; '*' marks the champion of its task and head.")
public final class RegistryListCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--task", paramLabel = "TASK", description = "Only versions of this task.")
  private String task;

  @Option(names = "--head", paramLabel = "HEAD", description = "Only versions of this head.")
  private String head;

  @Option(names = "--json", description = "Print one JSON array of versions.")
  private boolean json;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    List<ModelVersion> versions;
    Map<String, String> champions = new HashMap<>();
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      ModelRegistry registry = new ModelRegistry(runtime.spark(), new Lake(config.lake()));
      versions = registry.list(Optional.ofNullable(task), Optional.ofNullable(head));
      for (ModelVersion v : versions) {
        String key = v.task() + "/" + v.head();
        if (!champions.containsKey(key)) {
          champions.put(key, registry.champion(v.task(), v.head()).version().orElse(""));
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = RegistryJson.JSON.createArrayNode();
      versions.forEach(v -> array.add(RegistryJson.version(v, isChampion(v, champions))));
      out.println(array);
      return ExitCodes.OK;
    }
    if (versions.isEmpty()) {
      out.println("no model versions" + (task == null && head == null ? "" : " of that task and head"));
      return ExitCodes.OK;
    }
    out.printf("%-40s %-10s %7s  %-24s %9s %9s %8s  %s%n", "version", "status", "window", "training days",
        "rows", "RCE", "PR-AUC", "champion");
    for (ModelVersion v : versions) {
      out.printf("%-40s %-10s %6dd  %-24s %,9d %9s %8s  %s%n", v.version(), v.status().label(), v.windowDays(),
          v.trainFirstDay() + " .. " + v.trainLastDay(), v.lineage().trainRows(),
          format(v.evaluation().map(e -> e.rce()).orElse(OptionalDouble.empty()), "%.3f"),
          format(v.evaluation().map(e -> e.metric("pr_auc")).orElse(OptionalDouble.empty()), "%.3f"),
          isChampion(v, champions) ? "*" : v.statusReason().orElse(""));
    }
    return ExitCodes.OK;
  }

  private static boolean isChampion(ModelVersion v, Map<String, String> champions) {
    return v.version().equals(champions.get(v.task() + "/" + v.head()));
  }

  private static String format(OptionalDouble value, String pattern) {
    return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : "-";
  }
}
