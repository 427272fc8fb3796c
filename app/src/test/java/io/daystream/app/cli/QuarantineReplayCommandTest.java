package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.Main;
import io.daystream.ingestion.quarantine.ReplaySelection;
import io.daystream.ingestion.quarantine.ReplayedStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quarantine replay}: a wrong selection fails before Spark starts; what it prints. */
class QuarantineReplayCommandTest {

  @TempDir
  Path temp;

  @Test
  void aReasonOtherThanLateIsRefusedBeforeAnythingStarts() {
    Path home = temp.resolve("home");
    Result result = run("quarantine", "replay", "--home", home.toString(), "--reason", "malformed");

    assertEquals(ExitCodes.USAGE, result.code, result.err);
    assertEquals(1, result.err.strip().lines().count(), result.err);
    assertTrue(result.err.contains("only late records can be replayed"), result.err);
    assertTrue(Files.notExists(home), "nothing was written");
  }

  @Test
  void aBackwardRangeAndAnUnknownStreamAndAWrongDateAreUsageErrors() {
    Path home = temp.resolve("home");
    Result backward = run("quarantine", "replay", "--home", home.toString(), "--reason", "late",
        "--from", "2021-03-02", "--to", "2021-03-01");
    Result stream = run("quarantine", "replay", "--home", home.toString(), "--reason", "late", "--stream", "bars");
    Result date = run("quarantine", "replay", "--home", home.toString(), "--reason", "late", "--from", "2021-02-30");

    assertEquals(ExitCodes.USAGE, backward.code, backward.err);
    assertTrue(backward.err.contains("--from 2021-03-02 is after --to 2021-03-01"), backward.err);
    assertEquals(ExitCodes.USAGE, stream.code, stream.err);
    assertTrue(stream.err.contains("unknown stream 'bars'"), stream.err);
    assertEquals(ExitCodes.USAGE, date.code, date.err);
    assertTrue(date.err.contains("--from"), date.err);
    assertTrue(Files.notExists(home), "nothing was written");
  }

  @Test
  void theReasonIsRequired() {
    Result result = run("quarantine", "replay");

    assertEquals(ExitCodes.USAGE, result.code);
    assertTrue(result.err.contains("--reason"), result.err);
    assertTrue(result.err.contains("quarantine replay --help"), result.err);
  }

  @Test
  void oneLinePerStreamAndOnePerReasonRejectedAgain() {
    ReplaySelection selection = ReplaySelection.of("late", null, LocalDate.of(2021, 2, 20), null);
    List<ReplayedStream> results = List.of(
        new ReplayedStream("tweets", 3, 3, 0, 0, new TreeMap<>()),
        new ReplayedStream("prices", 12, 10, 1, 1, new TreeMap<>(Map.of("high below low", 1L))));

    assertEquals(List.of(
        "replayed 3 late records of tweets from 2021-02-20 to the end: 3 landed, 0 already in bronze, 0 rejected again",
        "replayed 12 late records of prices from 2021-02-20 to the end: 10 landed, 1 already in bronze, 1 rejected again",
        "  1 left in the quarantine, failing validation now: high below low"),
        QuarantineReplayCommand.sentences(selection, results));
    assertEquals(List.of("no late records in the quarantine"),
        QuarantineReplayCommand.sentences(ReplaySelection.of("late", null, null, null), List.of()));
  }

  @Test
  void theJsonHoldsTheSameFiguresPerStream() {
    ReplaySelection selection = ReplaySelection.of("late", "prices", LocalDate.of(2021, 2, 20), LocalDate.of(2021, 3, 1));
    List<ReplayedStream> results = List.of(
        new ReplayedStream("prices", 12, 10, 1, 1, new TreeMap<>(Map.of("high below low", 1L))));

    assertEquals("{\"reason\":\"late\",\"from\":\"2021-02-20\",\"to\":\"2021-03-01\",\"streams\":[{\"stream\":\"prices\","
        + "\"replayed\":12,\"landed\":10,\"already_in_bronze\":1,\"rejected_again\":1,"
        + "\"rejected_reasons\":{\"high below low\":1}}]}", QuarantineReplayCommand.json(selection, results));
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
