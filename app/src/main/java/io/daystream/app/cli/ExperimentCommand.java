package io.daystream.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daystream experiment}: compares training windows, and daily with weekly retraining, over a range. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "Experiments over a range of days: which window serves best, and what a model's age costs.",
    subcommands = {ExperimentWindowsCommand.class, ExperimentStalenessCommand.class})
public final class ExperimentCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: windows or staleness");
  }
}
