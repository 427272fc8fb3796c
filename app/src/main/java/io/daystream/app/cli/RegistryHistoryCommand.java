package io.daystream.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ServingHistory;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream registry history}: every move of a head's champion alias, and who served when. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists every change of the champion of a task and head (promoted by the policy, forced, rolled "
        + "back: from, to, by whom, why, when) and the periods each version served; with --date, the versions "
        + "that served on that UTC day.")
public final class RegistryHistoryCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "The task, e.g. engagement.")
  private String task;

  @Option(names = "--head", required = true, paramLabel = "HEAD", description = "The head, e.g. like.")
  private String head;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Also say who served on this UTC day.")
  private LocalDate date;

  @Option(names = "--json", description = "Print one JSON object: changes, periods (and served_on with --date).")
  private boolean json;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    List<AliasChange> changes;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      changes = new ModelRegistry(runtime.spark(), new Lake(config.lake())).history(task, head);
    }
    ServingHistory served = new ServingHistory(changes);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = RegistryJson.JSON.createObjectNode().put("task", task).put("head", head);
      changes.forEach(c -> root.withArray("changes").add(RegistryJson.change(c)));
      served.periods().forEach(p -> root.withArray("periods").add(RegistryJson.period(p)));
      if (date != null) {
        root.put("date", date.toString());
        served.servedOn(date).forEach(p -> root.withArray("served_on").add(p.version()));
        root.withArray("served_on");
      }
      root.withArray("changes");
      root.withArray("periods");
      out.println(root);
      return ExitCodes.OK;
    }
    if (changes.isEmpty()) {
      out.println(task + "/" + head + ": no champion yet");
      return ExitCodes.OK;
    }
    out.println("changes of the champion of " + task + "/" + head + ":");
    for (AliasChange c : changes) {
      out.printf("  %d  %s  %-11s %s -> %s  by %s: %s%n", c.generation(), c.changedAt(), c.action().label(),
          c.fromVersion().orElse("(none)"), c.toVersion(), c.changedBy(), c.reason());
    }
    out.println("served:");
    for (ServingHistory.Period p : served.periods()) {
      out.printf("  %s  from %s until %s%n", p.version(), p.from(), p.until().map(Object::toString).orElse("now"));
    }
    if (date != null) {
      List<String> versions = served.servedOn(date).stream().map(ServingHistory.Period::version).toList();
      out.println("served on " + date + ": " + (versions.isEmpty() ? "none" : String.join(", ", versions)));
    }
    return ExitCodes.OK;
  }
}
