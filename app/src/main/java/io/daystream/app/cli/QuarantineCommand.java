package io.daystream.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code daystream quarantine}: what is done with quarantined messages. */
@Command(
    name = "quarantine",
    mixinStandardHelpOptions = true,
    description = "Work on the quarantine table: send late records back into the lake.",
    subcommands = {QuarantineReplayCommand.class})
public final class QuarantineCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
