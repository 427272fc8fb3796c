package io.daystream.app.cli;

import io.daystream.app.run.SystemRun;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code daystream run}: the whole system as one long-running process. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the whole system in one process: ingestion of every stream, the score job (from the first "
        + "champion on) and the daily job: as soon as event time (the latest day in bronze/engagements) has passed "
        + "the end of a day D, it runs features, retrain (over the windows the data covers) and live-metrics for D. "
        + "SIGTERM lets the running micro-batches finish (run.stop-patience) and stops; a daily job cut short changes "
        + "no champion and is redone at the next start.")
public final class RunCommand implements Callable<Integer> {

  private static final int BEFORE_SPARK_HOOK_PRIORITY = 50;

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() throws InterruptedException {
    DaystreamConfig config = common.load();
    PrintWriter out = spec.commandLine().getOut();
    Duration patience = config.run().stopPatience();
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      SystemRun system = new SystemRun(runtime, day -> {
        out.println(day.day() + ": " + day.status() + day.reason().map(r -> " (" + r + ")").orElse(""));
        out.flush();
      });
      // Runs before Spark's own hook (priority 40): SIGTERM lets the running batches finish first.
      Runnable stop = () -> {
        system.requestStop();
        try {
          // Printed, not logged: the logging framework's own hook may already have shut it down.
          out.println(system.awaitStopped(patience.plusSeconds(10))
              ? "stopped: the running batches finished"
              : "did not stop within " + patience.plusSeconds(10).toSeconds() + " s; Spark's hook ends it");
          out.flush();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      ShutdownHookManager.get().addShutdownHook(stop, BEFORE_SPARK_HOOK_PRIORITY, patience.plusSeconds(20).toSeconds(),
          TimeUnit.SECONDS);
      try {
        system.run();
      } finally {
        ShutdownHookManager.get().removeShutdownHook(stop);
      }
    }
    return ExitCodes.OK;
  }
}
