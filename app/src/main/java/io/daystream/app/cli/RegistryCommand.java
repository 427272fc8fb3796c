package io.daystream.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daystream registry}: read the model registry. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Reads the model registry: the versions with their lineage and metrics, the champion of each "
        + "task and head, and who served when.",
    subcommands = {RegistryListCommand.class, RegistryShowCommand.class, RegistryHistoryCommand.class})
public final class RegistryCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
