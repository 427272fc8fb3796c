package io.daystream.app.log;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The full log of a command: everything the console shows, with stack traces, appended to
 * {@code <home>/logs/daystream.log} (a home that is not a local folder, such as {@code s3a://},
 * logs under the system's temporary folder instead). Unless verbose, the console shows log lines
 * without their stack traces; the file keeps them.
 *
 * <p>Changes the process's log4j configuration as loaded from {@code log4j2.properties}; opening
 * another log in the same process replaces the previous one.
 */
public final class JobLog {

  /** Where the failure of a command is written, to the file only: the console gets one line. */
  private static final String FAILURE_LOGGER = "io.daystream.app.failure";
  private static final String FILE_APPENDER = "daystream-file";
  /** The console appender of log4j2.properties, and the one that leaves out stack traces. */
  private static final String CONSOLE = "console";
  private static final String BRIEF_CONSOLE = "console-brief";
  private static final String CONSOLE_PATTERN = "%d{HH:mm:ss} %-5p %c{1}: %m%n";
  private static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p [%t] %c: %m%n%throwable";

  private final Path file;

  private JobLog(Path file) {
    this.file = file;
  }

  /**
   * Starts logging to the file of {@code home} and sets the console's detail.
   *
   * @param home the configured home: a local path, a {@code file:} URI, or any other URI
   * @param verbose whether the console shows stack traces too
   * @throws IllegalStateException when log4j-core is not the logging backend
   */
  public static JobLog open(String home, boolean verbose) {
    Path file = logFolder(home).resolve("daystream.log");
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      throw new IllegalStateException("log4j-core is not the logging backend; cannot log to " + file);
    }
    Configuration config = context.getConfiguration();
    LoggerConfig root = config.getRootLogger();
    FileAppender appender = fileAppender(config, file);
    replaceAppender(root, appender);
    LoggerConfig failures = config.getLoggers().get(FAILURE_LOGGER);
    if (failures == null) {
      failures = new LoggerConfig(FAILURE_LOGGER, Level.ERROR, false);
      config.addLogger(FAILURE_LOGGER, failures);
    }
    replaceAppender(failures, appender);
    useConsole(config, root, verbose);
    context.updateLoggers();
    return new JobLog(file);
  }

  /** The file this log appends to. */
  public Path file() {
    return file;
  }

  /** Writes the failure of {@code command} with its whole stack trace to the file, not the console. */
  public void recordFailure(String command, Throwable failure) {
    Logger logger = LogManager.getLogger(FAILURE_LOGGER);
    logger.error(command + " failed", failure);
  }

  private static Path logFolder(String home) {
    Path folder;
    if (home.startsWith("file:")) {
      folder = Path.of(URI.create(home)).resolve("logs");
    } else if (home.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      folder = Path.of(System.getProperty("java.io.tmpdir"), "daystream-logs");
    } else {
      folder = Path.of(home).resolve("logs");
    }
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the log folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static FileAppender fileAppender(Configuration config, Path file) {
    FileAppender appender = FileAppender.newBuilder()
        .setName(FILE_APPENDER)
        .withFileName(file.toString())
        .withAppend(true)
        .setLayout(PatternLayout.newBuilder().withConfiguration(config).withPattern(FILE_PATTERN).build())
        .setConfiguration(config)
        .build();
    appender.start();
    return appender;
  }

  /** Puts {@code appender} in place of the one of the same name, which is stopped. */
  private static void replaceAppender(LoggerConfig logger, Appender appender) {
    Appender previous = logger.getAppenders().get(appender.getName());
    if (previous != null) {
      logger.removeAppender(appender.getName());
      if (previous != appender) {
        previous.stop();
      }
    }
    logger.addAppender(appender, null, null);
  }

  /** The configured console appender when verbose, otherwise one like it without stack traces. */
  private static void useConsole(Configuration config, LoggerConfig root, boolean verbose) {
    Appender full = config.getAppender(CONSOLE);
    if (full == null) {
      return; // a user's own log4j configuration: leave its console alone
    }
    Appender brief = config.getAppender(BRIEF_CONSOLE);
    if (brief == null) {
      brief = ConsoleAppender.newBuilder()
          .setName(BRIEF_CONSOLE)
          .setTarget(ConsoleAppender.Target.SYSTEM_ERR)
          .setLayout(PatternLayout.newBuilder().withConfiguration(config).withPattern(CONSOLE_PATTERN)
              .withAlwaysWriteExceptions(false).build())
          .setConfiguration(config)
          .build();
      brief.start();
      config.addAppender(brief);
    }
    root.removeAppender(CONSOLE);
    root.removeAppender(BRIEF_CONSOLE);
    root.addAppender(verbose ? full : brief, null, null);
  }
}
