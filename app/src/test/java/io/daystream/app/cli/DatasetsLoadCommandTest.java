package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments of {@code datasets load} fail fast, before Spark starts, with exit code 2. */
class DatasetsLoadCommandTest {

  @TempDir
  Path home;

  @Test
  void anUnknownFormatNamesTheKnownOnes() {
    Result result = run("datasets", "load", "--home", home.toString(), "--format", "csv-ish", "--path", home.toString());
    assertEquals(ExitCodes.USAGE, result.code);
    assertTrue(result.err.contains("unknown format 'csv-ish'"), result.err);
    assertTrue(result.err.contains("stocknews-combined") && result.err.contains("recsys2020"), result.err);
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = home.resolve("nope.csv");
    Result result = run("datasets", "load", "--home", home.toString(), "--format", "ohlcv", "--path", missing.toString());
    assertEquals(ExitCodes.USAGE, result.code);
    assertTrue(result.err.contains("no such file or folder: " + missing), result.err);
  }

  @Test
  void formatAndPathAreRequired() {
    Result result = run("datasets", "load", "--format", "ohlcv");
    assertEquals(ExitCodes.USAGE, result.code);
    assertTrue(result.err.contains("--path"), result.err);
    assertEquals(1, result.err.strip().lines().count(), "one line: " + result.err);
  }

  @Test
  void symbolAndSymbolColumnExcludeEachOther() throws Exception {
    Path file = home.resolve("prices.csv");
    java.nio.file.Files.writeString(file, "Date,Open,High,Low,Close,Volume\n");
    Result result = run("datasets", "load", "--home", home.toString(), "--format", "ohlcv", "--path", file.toString(),
        "--symbol", "X", "--symbol-col", "Instrument");
    assertEquals(ExitCodes.USAGE, result.code);
    assertTrue(result.err.contains("give --symbol or --symbol-col, not both"), result.err);
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
