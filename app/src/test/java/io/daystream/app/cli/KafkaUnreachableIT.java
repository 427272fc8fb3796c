package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.Main;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code daystream ingest} against a broker that is not there, in a JVM of its own as a user runs
 * it: what the user reads on stderr, the exit code, and the log file the message points at.
 */
@Timeout(180)
class KafkaUnreachableIT {

  @TempDir Path temp;

  /** Exit code, stdout and stderr of one run. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }

    boolean hasStackLines() {
      return err.lines().anyMatch(line -> line.strip().startsWith("at "));
    }
  }

  @Test
  void unreachableBrokerFailsWithOneLineNamingTheKeyAndTheLog() throws Exception {
    Path home = temp.resolve("home");
    String servers = "127.0.0.1:" + closedPort();

    Run run = ingest(home, "--set", "kafka.bootstrap-servers=" + servers, "--set", "kafka.connect-timeout=2s");

    Path log = home.resolve("logs").resolve("daystream.log");
    assertEquals(ExitCodes.FAILURE, run.code(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    String line = run.errLines().get(0);
    assertTrue(line.startsWith("daystream: ingest failed: cannot reach Kafka at " + servers), line);
    assertTrue(line.contains("kafka.bootstrap-servers"), line);
    assertTrue(line.contains("within 2 s"), line);
    assertTrue(line.endsWith("(full log: " + log + ")"), line);
    assertFalse(run.hasStackLines(), run.err());
    String logged = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(logged.contains("KafkaUnreachableException: cannot reach Kafka at " + servers), logged);
    assertTrue(logged.contains("\tat io.daystream.core.kafka.ClusterReachability"), logged);
    assertFalse(Files.exists(home.resolve("checkpoints")), "nothing started before the check");
  }

  @Test
  void verbosePrintsTheStackTraceAsWell() throws Exception {
    Path home = temp.resolve("home");
    String servers = "127.0.0.1:" + closedPort();

    Run run = ingest(home, "--verbose", "--set", "kafka.bootstrap-servers=" + servers,
        "--set", "kafka.connect-timeout=2s");

    assertEquals(ExitCodes.FAILURE, run.code(), run.err());
    assertTrue(run.errLines().get(0).startsWith("daystream: ingest failed: cannot reach Kafka at " + servers),
        run.err());
    assertTrue(run.hasStackLines(), run.err());
    assertTrue(run.err().contains("KafkaUnreachableException"), run.err());
  }

  @Test
  void quotedBootstrapServersFailBeforeAnythingStartsNamingTheKey() throws Exception {
    Path home = temp.resolve("home");

    Run run = ingest(home, "--set", "kafka.bootstrap-servers=\"host:9092\"");

    assertEquals(ExitCodes.USAGE, run.code(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("daystream.kafka.bootstrap-servers must not be quoted"), run.err());
    assertFalse(run.hasStackLines(), run.err());
    assertFalse(Files.exists(home), "nothing was written before the configuration was checked");
  }

  private Run ingest(Path home, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("--add-opens") || arg.equals("-XX:+IgnoreUnrecognizedVMOptions"))
        .toList());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("ingest");
    command.add("--until-idle");
    command.add("--home");
    command.add(home.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("ingest did not end within 120 s: " + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A port nothing listens on: bound by the system, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
