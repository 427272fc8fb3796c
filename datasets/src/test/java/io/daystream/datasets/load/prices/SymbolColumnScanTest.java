package io.daystream.datasets.load.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.datasets.load.csv.CsvFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolColumnScanTest {

  private static final CsvFormat FORMAT = CsvFormat.of(',', 4096);

  @TempDir
  Path dir;

  private SymbolColumnScan.Result scan(String... lines) throws IOException {
    Path file = dir.resolve("prices.csv");
    Files.writeString(file, String.join("\n", lines) + "\n");
    OhlcvHeader header = OhlcvHeader.of(file, lines[0].split(",", -1));
    return SymbolColumnScan.of(file, FORMAT, header);
  }

  @Test
  void tickerLikeTextThatVariesWhileDatesRepeatIsTheSymbol() throws IOException {
    SymbolColumnScan.Result result = scan(
        "Date,Currency,Instrument,Open,High,Low,Close,Volume,Venue",
        "2020-01-02,USD,AAPL,1,2,1,2,10,XNAS",
        "2020-01-02,USD,BRK.B,1,2,1,2,10,XNYS",
        "2020-01-02,USD,^GSPC,1,2,1,2,10,XNYS",
        "2020-01-03,USD,AAPL,1,2,1,2,10,XNAS");
    // Currency never varies; Venue varies but has fewer distinct values than Instrument.
    assertEquals(OptionalInt.of(2), result.symbolColumn());
    assertEquals(Optional.of(new SymbolColumnScan.RepeatedDate("2020-01-02", 2, 3)), result.repeatedDate());
  }

  @Test
  void companyNamesAndNumbersAreNotTickers() throws IOException {
    SymbolColumnScan.Result result = scan(
        "Date,Company,Id,Open,High,Low,Close,Volume",
        "2020-01-02,Apple Inc.,1,1,2,1,2,10",
        "2020-01-02,Microsoft,2,1,2,1,2,10");
    assertEquals(OptionalInt.empty(), result.symbolColumn());
    assertTrue(result.repeatedDate().isPresent());
  }

  @Test
  void aSingleSymbolFileNeedsNoColumn() throws IOException {
    SymbolColumnScan.Result result = scan(
        "Date,Open,High,Low,Close,Volume,Exchange",
        "2020-01-02,1,2,1,2,10,NYSE",
        "2020-01-03,1,2,1,2,10,NASDAQ");
    assertEquals(OptionalInt.empty(), result.symbolColumn(), "no date repeats: one symbol, whatever varies");
    assertFalse(result.repeatedDate().isPresent());
  }

  @Test
  void tickerShapes() {
    for (String ticker : new String[] {"AAPL", "BRK.B", "BF-B", "^GSPC", "EURUSD=X", "BTC/USD", "A", "3IN"}) {
      assertTrue(SymbolColumnScan.looksLikeTicker(ticker), ticker);
    }
    for (String other : new String[] {"Apple", "aapl", "2020-01-02", "12.5", "Apple Inc", "", "ABCDEFGHIJKLMNOP"}) {
      assertFalse(SymbolColumnScan.looksLikeTicker(other), other);
    }
  }
}
