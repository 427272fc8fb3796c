package io.daystream.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: lists the subcommands. */
@Command(
    name = "daystream",
    mixinStandardHelpOptions = true,
    version = "daystream 0.1.0",
    description = "Keeps recommendation models fresh: ingest, retrain daily over several windows, "
        + "evaluate by RCE, promote, score.",
    subcommands = {DemoCommand.class, EvaluateCommand.class, DatasetsCommand.class, IngestCommand.class, MaintainCommand.class,
        QuarantineCommand.class, FeaturesCommand.class, RetrainCommand.class, ExperimentCommand.class, ReportCommand.class, RegistryCommand.class, PromoteCommand.class, ScoreCommand.class, LiveMetricsCommand.class, RunCommand.class})
public final class DaystreamCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }
}
