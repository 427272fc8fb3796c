package io.daystream.app.cli;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ModelRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code daystream promote}: an operator moves a head's champion alias, to a named version
 * (forced) or back to the previous champion (rollback); either is one Delta commit, logged.
 */
@Command(
    name = "promote",
    description = "Moves the champion of a task and head: --version V makes a registered version champion "
        + "(logged as forced), --rollback brings back the champion before the current one (logged as rolled back; "
        + "a second rollback goes one further back). The running scorer picks it up at its next batch. Fails, "
        + "changing nothing, if another change commits first.")
public final class PromoteCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  // No mixinStandardHelpOptions: its --version would clash with the version to promote.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  private boolean help;

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "The task, e.g. engagement.")
  private String task;

  @Option(names = "--head", required = true, paramLabel = "HEAD", description = "The head, e.g. like.")
  private String head;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Target target;

  static final class Target {
    @Option(names = "--version", paramLabel = "VERSION", description = "The registered version to serve.")
    String version;

    @Option(names = "--rollback", description = "Bring back the previous champion.")
    boolean rollback;
  }

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the log (default: forced by operator / "
      + "rolled back by operator).")
  private String reason;

  @Option(names = "--json", description = "Print the change as one JSON object.")
  private boolean json;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    String operator = System.getProperty("user.name", "operator");
    AliasChange change;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      ModelRegistry registry = new ModelRegistry(runtime.spark(), new Lake(config.lake()));
      if (target.rollback) {
        change = registry.rollback(task, head, operator, reason == null ? "rolled back by operator" : reason);
      } else {
        change = registry.moveChampion(registry.champion(task, head), target.version, AliasChange.Action.FORCED,
            operator, reason == null ? "forced by operator" : reason);
      }
    }
    if (json) {
      spec.commandLine().getOut().println(RegistryJson.change(change).put("task", task).put("head", head));
    } else {
      spec.commandLine().getOut().printf("%s/%s: champion %s (was %s), %s by %s%n", task, head, change.toVersion(),
          change.fromVersion().orElse("none"), change.action().label().replace('_', ' '), change.changedBy());
    }
    return ExitCodes.OK;
  }
}
