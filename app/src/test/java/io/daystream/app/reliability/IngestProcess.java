package io.daystream.app.reliability;

import io.daystream.app.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code daystream ingest} in a JVM of its own, as an operator runs it, so that a test can kill it
 * the way a crash does: SIGKILL gives Spark, Delta and Kafka no chance to clean up.
 */
final class IngestProcess {

  /** Exit code of a JVM ended by SIGKILL (128 + 9): proof that the kill was not a clean exit. */
  static final int KILLED = 137;

  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;

  private IngestProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code Main ingest --home HOME ARGS...}; its output goes to {@code log}, appended, so one
   * file tells the story of every run on a home.
   */
  static IngestProcess start(Path home, List<String> ingestArgs, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.addAll(moduleOpenings());
    // Spark's scratch space inside the test's folder: a killed JVM leaves it behind.
    command.add("-Djava.io.tmpdir=" + createDirectories(home.resolve("tmp")));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("ingest");
    command.add("--home");
    command.add(home.toString());
    command.addAll(ingestArgs);
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new IngestProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /**
   * Polls {@code condition} until it holds; fails if the process ends first or the time runs out,
   * with the log's tail, which says why.
   */
  void awaitWhileAlive(BooleanSupplier condition, String what, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError("ingest ended (exit " + process.exitValue() + ") before " + what + "\n" + logTail());
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("no " + what + " within " + timeout + "\n" + logTail());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }

  /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns the exit code. */
  int kill() {
    process.destroyForcibly();
    return awaitExit();
  }

  /** SIGTERM, as a service manager stops a job; returns the exit code. */
  int terminate() {
    process.destroy();
    return awaitExit();
  }

  /** Waits for the process to end by itself; returns the exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("ingest did not end within " + timeout + "; log tail:\n" + logTail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted waiting for ingest", e);
    }
  }

  /** The last lines of the shared log, for a failure message. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private int awaitExit() {
    return awaitExit(EXIT_TIMEOUT);
  }

  /**
   * The {@code --add-opens} flags this JVM got from surefire's argLine (root pom, java17.opens):
   * Spark fails at start on Java 17 without them, in the child as here.
   */
  private static List<String> moduleOpenings() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens") || arg.equals("-XX:+IgnoreUnrecognizedVMOptions"))
        .toList();
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
