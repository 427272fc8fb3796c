package io.daystream.app.cli;

import io.daystream.app.demo.DemoPipeline;
import io.daystream.app.demo.DemoSummary;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code daystream demo}: the whole loop on generated data, embedded Kafka and a local lake. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generates drifting tweet/engagement data, streams it through Kafka into Delta, materializes "
        + "the engagement features, retrains the like model over several windows from them, promotes the best by "
        + "RCE and scores new tweets with it.")
public final class DemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    long started = System.nanoTime();
    DemoSummary summary;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      summary = new DemoPipeline(runtime).run();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    spec.commandLine().getOut().print(summary.render());
    spec.commandLine().getOut().printf("Demo finished in %d s (home: %s)%n", took.toSeconds(), config.home());
    return ExitCodes.OK;
  }
}
