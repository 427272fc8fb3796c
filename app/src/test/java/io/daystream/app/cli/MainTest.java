package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class MainTest {

  @TempDir
  Path temp;

  /** Exit code and everything printed by one command line. */
  public record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  /** Runs one command line in this process, as {@code bin/daystream} would. */
  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out);
    PrintWriter errWriter = new PrintWriter(err);
    int code = Main.run(args, outWriter, errWriter);
    outWriter.flush();
    errWriter.flush();
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsTheCommands() {
    Run run = run("--help");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("demo"), run.out());
    assertTrue(run.out().contains("evaluate"), run.out());
    assertTrue(run.out().contains("retrain"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void retrainRefusesBadArgumentsBeforeStartingAnything() {
    Path home = temp.resolve("home");
    Run task = run("retrain", "--task", "clicks", "--date", "2020-03-12", "--home", home.toString());
    assertEquals(ExitCodes.USAGE, task.code());
    assertTrue(task.err().contains("--task must be one of [engagement, market], not 'clicks'"), task.err());

    Run marketHead = run("retrain", "--task", "market", "--date", "2016-01-08", "--heads", "up,like", "--home",
        home.toString());
    assertEquals(ExitCodes.USAGE, marketHead.code());
    assertTrue(marketHead.err().contains("--heads: task market has no head 'like'; its heads: [outperform, up]"),
        marketHead.err());

    Run head = run("retrain", "--task", "engagement", "--date", "2020-03-12", "--heads", "like,fave", "--home",
        home.toString());
    assertEquals(ExitCodes.USAGE, head.code());
    assertTrue(head.err().contains("--heads: task engagement has no head 'fave'"), head.err());

    Run window = run("retrain", "--task", "engagement", "--date", "2020-03-12", "--windows", "3,0", "--home",
        home.toString());
    assertEquals(ExitCodes.USAGE, window.code());
    assertTrue(window.err().contains("--windows must be positive numbers of days, not [3, 0]"), window.err());

    Run range = run("retrain", "--task", "engagement", "--from", "2020-03-12", "--to", "2020-03-10", "--home",
        home.toString());
    assertEquals(ExitCodes.USAGE, range.code());
    assertTrue(range.err().contains("--to 2020-03-10 is before --from 2020-03-12"), range.err());

    Run both = run("retrain", "--task", "engagement", "--date", "2020-03-12", "--from", "2020-03-10", "--to",
        "2020-03-12", "--home", home.toString());
    assertEquals(ExitCodes.USAGE, both.code());
    assertTrue(java.nio.file.Files.notExists(home.resolve("lake")), "nothing was written");
  }

  @Test
  void versionIsPrinted() {
    Run run = run("--version");

    assertEquals(0, run.code());
    assertTrue(run.out().contains("0.1.0"), run.out());
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run();

    assertEquals(ExitCodes.USAGE, run.code());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("command"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownCommandIsOneLineOnErr() {
    Run run = run("frobnicate");

    assertEquals(2, run.code());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("frobnicate"), run.err());
    assertTrue(run.err().contains("--help"), "points the user at the help: " + run.err());
    assertEquals("", run.out());
  }

  @Test
  void unknownOptionOfDemoIsOneLineNamingIt() {
    Run run = run("demo", "--no-such-option");

    assertEquals(2, run.code());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("--no-such-option"), run.err());
    assertTrue(run.err().contains("demo --help"), run.err());
  }

  @Test
  void demoHelpListsTheConfigurationOptions() {
    Run run = run("demo", "--help");

    assertEquals(0, run.code());
    assertTrue(run.out().contains("--conf"), run.out());
    assertTrue(run.out().contains("--home"), run.out());
    assertTrue(run.out().contains("--set"), run.out());
  }

  @Test
  void demoWithWindowsLongerThanTheDataFailsBeforeStarting() {
    Run run = run("demo", "--home", temp.resolve("home").toString(), "--set", "demo.windows=[3,40]");

    assertEquals(2, run.code(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("daystream.demo.windows"), run.err());
    assertEquals("", run.out());
    assertTrue(Files.notExists(temp.resolve("home")), "nothing was written before the configuration was checked");
  }

  @Test
  void demoWithSetWithoutEqualsSignIsAUsageError() {
    Run run = run("demo", "--set", "demo.days");

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("demo.days"), run.err());
  }

  @Test
  void demoWithMissingConfigurationFileIsAUsageError() {
    Path missing = temp.resolve("missing.conf");

    Run run = run("demo", "--conf", missing.toString());

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(missing.toString()), run.err());
  }

  @Test
  void demoWithInvalidValueInConfigurationFileNamesTheKey() throws IOException {
    Path conf = temp.resolve("bad.conf");
    Files.writeString(conf, "daystream.kafka.starting-offsets = middle\n");

    Run run = run("demo", "--conf", conf.toString());

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("daystream.kafka.starting-offsets"), run.err());
  }
}
