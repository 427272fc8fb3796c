package io.daystream.app;

import io.daystream.app.cli.CommonOptions;
import io.daystream.app.cli.DaystreamCommand;
import io.daystream.app.cli.ExitCodes;
import io.daystream.app.log.JobLog;
import io.daystream.core.config.InvalidConfigException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bin/daystream}: one entry point for every job. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(code);
  }

  /**
   * Runs one command line; returns the exit code (0 ok, 1 failure, 2 bad usage or input). A failure
   * prints one line on {@code err} with its cause and the log file that holds the stack trace;
   * {@code --verbose} prints the stack trace as well.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DaystreamCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((e, arguments) -> {
      String command = e.getCommandLine().getCommandName();
      err.println(command + ": " + e.getMessage() + " (see '" + qualifiedName(e.getCommandLine()) + " --help')");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Optional<CommonOptions> common = commonOptionsOf(commandLine);
      Optional<JobLog> log = common.flatMap(CommonOptions::log);
      log.ifPresent(l -> l.recordFailure(qualifiedName(commandLine), e));
      int code;
      if (e instanceof InvalidConfigException) {
        err.println("daystream: invalid configuration: " + e.getMessage());
        code = ExitCodes.USAGE;
      } else if (e instanceof IllegalArgumentException) {
        err.println("daystream: " + e.getMessage());
        code = ExitCodes.USAGE;
      } else {
        // Only commands with the shared options have a log file and --verbose to point to.
        Optional<String> where = log.map(l -> "full log: " + l.file())
            .or(() -> common.map(c -> "run with --verbose for the stack trace"));
        err.println("daystream: " + commandLine.getCommandName() + " failed: " + FailureSummary.of(e)
            + where.map(w -> " (" + w + ")").orElse(""));
        code = ExitCodes.FAILURE;
      }
      if (common.map(CommonOptions::verbose).orElse(false)) {
        e.printStackTrace(err);
      }
      return code;
    });
    return cli.execute(args);
  }

  /** The shared options of the command that failed, when it has them. */
  private static Optional<CommonOptions> commonOptionsOf(CommandLine commandLine) {
    return commandLine.getCommandSpec().mixins().values().stream()
        .map(CommandSpec::userObject)
        .filter(CommonOptions.class::isInstance)
        .map(CommonOptions.class::cast)
        .findFirst();
  }

  private static String qualifiedName(CommandLine commandLine) {
    return commandLine.getParent() == null
        ? commandLine.getCommandName()
        : qualifiedName(commandLine.getParent()) + " " + commandLine.getCommandName();
  }
}
