package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daystream.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datasets load --format ohlcv} on a multi-symbol file, end to end (real Spark and Delta):
 * refused when its symbol column cannot be found, loaded with {@code --symbol-col}, and a load
 * that drops many rows as duplicates says so.
 */
class DatasetsLoadPricesIT {

  /** Real sp500 bars of AAPL and XOM, their ticker replaced by a company name nothing recognizes. */
  private static final String BY_COMPANY = String.join("\n",
      "Date,Company,Open,High,Low,Close,Volume",
      "2013-02-08,Apple Inc.,67.7142,68.4014,66.8928,67.8542,158168416",
      "2013-02-08,Exxon Mobil,88.5,88.8,88.11,88.61,11412204",
      "2013-02-11,Apple Inc.,68.0714,69.2771,67.6071,68.5614,129029425",
      "2013-02-11,Exxon Mobil,88.35,88.51,87.97,88.28,8764645",
      "2013-02-12,Apple Inc.,68.5014,68.9114,66.8205,66.8428,151829363",
      "2013-02-12,Exxon Mobil,88.25,88.62,87.92,88.46,9751642") + "\n";

  @TempDir
  Path home;

  @Test
  void aMultiSymbolFileIsRefusedNotCollapsedAndLoadsWithTheSymbolColumnNamed() throws Exception {
    Path file = Files.writeString(home.resolve("daily_by_company.csv"), BY_COMPANY);

    Result refused = load(file);
    assertEquals(ExitCodes.USAGE, refused.code, refused.err);
    assertEquals(1, refused.err.strip().lines().count(), "one line: " + refused.err);
    assertTrue(refused.err.contains("--symbol-col"), refused.err);

    Result loaded = load(file, "--symbol-col", "Company", "--json");
    assertEquals(ExitCodes.OK, loaded.code, loaded.err);
    JsonNode summary = new ObjectMapper().readTree(loaded.out);
    assertEquals(6, summary.get("rows").asLong());
    assertEquals(0, summary.get("duplicates").asLong());
    assertTrue(loaded.err.isBlank(), loaded.err);
  }

  @Test
  void aLoadThatDropsManyRowsAsDuplicatesWarns() throws Exception {
    Path file = Files.writeString(home.resolve("daily_by_company.csv"), BY_COMPANY);

    // The caller says the file is one symbol: every second row repeats a date.
    Result result = load(file, "--symbol", "ONE", "--json");

    assertEquals(ExitCodes.OK, result.code, result.err);
    JsonNode summary = new ObjectMapper().readTree(result.out);
    assertEquals(3, summary.get("rows").asLong());
    assertEquals(3, summary.get("duplicates").asLong());
    assertEquals(6, summary.get("source_rows").asLong());
    assertTrue(result.err.startsWith("warning: 3 of 6 rows (50.0 %) were dropped as duplicates"), result.err);
  }

  private Result load(Path file, String... options) {
    String[] args = new String[8 + options.length];
    System.arraycopy(new String[] {"datasets", "load", "--home", home.resolve("lake-home").toString(),
        "--format", "ohlcv", "--path", file.toString()}, 0, args, 0, 8);
    System.arraycopy(options, 0, args, 8, options.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}
}
