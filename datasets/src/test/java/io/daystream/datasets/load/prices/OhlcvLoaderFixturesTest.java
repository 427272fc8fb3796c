package io.daystream.datasets.load.prices;

import static io.daystream.datasets.load.prices.CollectedLoad.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.datasets.load.DatasetLoader.Summary;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.schema.PriceBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OhlcvLoaderFixturesTest {

  private final OhlcvLoader loader = new OhlcvLoader();

  private static PriceBar bar(String symbol, String day, double open, double high, double low, double close,
      Double adjClose, long volume) {
    return new PriceBar(symbol, LocalDate.parse(day), open, high, low, close, adjClose, volume);
  }

  @Test
  void sp500FolderReadsItsCsvFilesInNameOrder() throws IOException {
    Path folder = fixture("sp500");
    CollectedLoad load = CollectedLoad.of(loader, folder);

    assertEquals(new Summary(19, 2, 0), load.summary());
    assertEquals(List.of("AAPL", "AAPL", "AAPL", "ABT", "ABT", "ABT", "ABT", "ABT", "AOS", "AOS", "AOS",
        "BHF", "BHF", "BHF", "BHF", "BHF", "BHF", "BHF", "BHF"),
        load.records().stream().map(PriceBar::symbol).toList());
    assertEquals(bar("AAPL", "2013-02-08", 67.7142, 68.4014, 66.8928, 67.8542, null, 158168416),
        load.records().get(0));
    assertEquals(List.of(
        new Reject(folder.resolve("AOS_data.csv").toString(), 4, "2014-05-19,23.89,23.595,23.85,24.445,1944854,AOS",
            "high 23.595 is below low 23.85"),
        new Reject(folder.resolve("BHF_data.csv").toString(), 9, "2017-07-26,,,,69.0842,3,BHF",
            "missing open, high, low")),
        load.rejects());
  }

  @Test
  void copyOfThePreviousDayOnATradingDayIsKept() throws IOException {
    // ABT 2014-07-18 repeats 2014-07-17 exactly, as 277 sp500 rows do; it is a real trading day.
    List<PriceBar> abt = CollectedLoad.of(loader, fixture("sp500/ABT_data.csv")).records();
    assertEquals(5, abt.size());
    assertEquals(bar("ABT", "2014-07-18", 41.9, 42.8, 41.776, 42.73, null, 9538018), abt.get(2));
  }

  @Test
  void nasdaqFillersAreSkippedNotRejected() throws IOException {
    Path file = fixture("nasdaq/CompanyValues_sample.csv");
    CollectedLoad load = CollectedLoad.of(loader, file);

    assertEquals(new Summary(8, 0, 6, 1), load.summary());
    assertEquals(List.of(8L, 9L, 10L, 14L, 15L), load.skipLines(SkipReason.FILLER));
    assertEquals(List.of(7L), load.skipLines(SkipReason.DUPLICATE));
    assertEquals(new SkippedRow(file.toString(), 10, "AAPL,2015-01-19,105.99,78453330,107.03,107.58,105.2",
        SkipReason.FILLER), load.skips().get(3));
    assertEquals(List.of("2015-01-22", "2015-01-21", "2015-01-20", "2015-01-16", "2015-01-15"),
        datesOf(load.records(), "AAPL"));
    assertEquals(List.of("2015-01-20", "2015-01-16", "2015-01-15"), datesOf(load.records(), "TSLA"));
    // Column order differs from the canonical one; the duplicate of line 7 did not replace line 4.
    assertEquals(bar("AAPL", "2015-01-20", 107.84, 108.9667, 106.5, 108.72, null, 49742320), load.records().get(2));
  }

  @Test
  void djiaSymbolFromOverrideOrFromTheFileName() throws IOException {
    Path file = fixture("djia/upload_DJIA_table.csv");
    CollectedLoad named = CollectedLoad.of(new OhlcvLoader(Optional.of("DJIA")), file);
    CollectedLoad fromFileName = CollectedLoad.of(loader, file);

    assertEquals(new Summary(5, 0, 0), named.summary());
    assertEquals(named, fromFileName);
    assertEquals(bar("DJIA", "2016-07-01", 17924.240234, 18002.380859, 17916.910156, 17949.369141, 17949.369141,
        82160000), named.records().get(0));
    assertEquals("INDU", CollectedLoad.of(new OhlcvLoader(Optional.of("INDU")), file).records().get(4).symbol());
  }

  @Test
  void yahooLayoutWithTickerColumnAndBrokenRows() throws IOException {
    Path file = fixture("yahoo/DJI_ticker_reordered.csv");
    // The symbol column wins over an override.
    CollectedLoad load = CollectedLoad.of(new OhlcvLoader(Optional.of("DJIA")), file);

    assertEquals(new Summary(5, 7, 2, 1), load.summary());
    assertEquals(List.of(
        bar("^DJI", "2016-06-23", 17844.109375, 18011.070312, 17844.109375, 18011.070312, 18011.070312, 98070000),
        bar("^DJI", "2016-06-24", 17946.630859, 17946.630859, 17356.339844, 17400.75, 17400.75, 239000000),
        bar("^DJI", "2016-06-27", 17355.210938, 17355.210938, 17063.080078, 17140.240234, 17140.240234, 138740000),
        bar("^DJI", "2016-06-28", 17190.509766, 17409.720703, 17190.509766, 17409.720703, null, 112190000),
        bar("^DJI", "2016-06-16", 17602.230469, 17754.910156, 17471.289062, 17733.099609, 17733.099609, 91950000)),
        load.records());
    assertEquals(List.of(7L, 8L, 9L, 10L, 11L, 12L, 13L), load.rejectLines());
    assertEquals(List.of(
        "high 17456.019531 is below low 17704.509766",
        "open is not a number: 'n/a'",
        "missing close",
        "date is not yyyy-MM-dd: '06/22/2016'",
        "volume is negative: '-85130000'",
        "volume is not a whole number of shares: '99380000.5'",
        "expected 8 fields as in the header, found 6"),
        load.rejectReasons());
    assertEquals("^DJI,2016-06-30,133030000,17929.990234,17929.990234,17711.800781,17930.609375,n/a",
        load.rejects().get(1).raw());
    assertEquals(file.toString(), load.rejects().get(1).file());
    assertEquals(List.of(6L), load.skipLines(SkipReason.BLANK));
    assertEquals(List.of(14L), load.skipLines(SkipReason.DUPLICATE));
  }

  @Test
  void yahooStandardOrderTakesTheSymbolFromTheFileName() throws IOException {
    CollectedLoad load = CollectedLoad.of(loader, fixture("yahoo/DJI_standard_order.csv"));
    assertEquals(new Summary(2, 0, 0), load.summary());
    assertEquals(bar("DJI", "2016-06-15", 17703.650391, 17762.960938, 17629.009766, 17640.169922, 17640.169922,
        94130000), load.records().get(0));
  }

  @Test
  void headerWithoutVolumeFailsNamingColumnAndFile() {
    Path file = fixture("broken/no_volume.csv");
    MissingPriceColumnException e = assertThrows(MissingPriceColumnException.class,
        () -> loader.load(file, r -> { }, r -> { }));
    assertEquals(List.of("volume"), e.missing());
    assertTrue(e.getMessage().startsWith(file + ": missing required column 'volume'"), e.getMessage());
  }

  @Test
  void emptyFileHasNoHeader() {
    MissingPriceColumnException e = assertThrows(MissingPriceColumnException.class,
        () -> loader.load(fixture("broken/empty.csv"), r -> { }, r -> { }));
    assertEquals(List.of("date", "open", "high", "low", "close", "volume"), e.missing());
  }

  @Test
  void folderWithoutCsvFilesAndMissingPathFail(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "no prices here\n");
    assertThrows(NoSuchFileException.class, () -> loader.load(dir, r -> { }, r -> { }));
    assertThrows(NoSuchFileException.class, () -> loader.load(dir.resolve("absent.csv"), r -> { }, r -> { }));
  }

  @Test
  void duplicatesAcrossFilesOfOneLoadKeepTheFirstFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.csv"), "Date,Open,High,Low,Close,Volume,Symbol\n2016-06-15,1,2,1,2,10,X\n");
    Files.writeString(dir.resolve("b.csv"), "Date,Open,High,Low,Close,Volume,Symbol\n2016-06-15,3,4,3,4,30,X\n");
    CollectedLoad load = CollectedLoad.of(loader, dir);
    assertEquals(new Summary(1, 0, 1, 1), load.summary());
    assertEquals(10, load.records().get(0).volume());
    assertEquals(new SkippedRow(dir.resolve("b.csv").toString(), 2, "2016-06-15,3,4,3,4,30,X", SkipReason.DUPLICATE),
        load.skips().get(0));
  }

  @Test
  void fillersInterleavedInAscendingOrderAreSkipped(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("TSLA.csv");
    Files.writeString(file, String.join("\r\n",
        "\uFEFFDate,Open,High,Low,Close,Volume",
        "2015-01-15,194.49,195.7499,190.0,191.87,5204777",
        "2015-01-16,190.7,194.49,189.65,193.07,3590855",
        "2015-01-17,190.7,194.49,189.65,193.07,3590855",
        "2015-01-18,190.7,194.49,189.65,193.07,3590855",
        "2015-01-19,190.7,194.49,189.65,193.07,3590855",
        "2015-01-20,193.87,194.1199,187.04,191.93,4490681",
        ""));
    CollectedLoad load = CollectedLoad.of(loader, file);
    assertEquals(new Summary(3, 0, 3), load.summary());
    assertEquals(List.of(4L, 5L, 6L), load.skipLines(SkipReason.FILLER));
    assertEquals("TSLA", load.records().get(0).symbol());
  }

  @Test
  void everyRowIsAccountedForOnce(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("X.csv");
    Files.writeString(file, "date,open,high,low,close,volume\n2016-06-15,1,2,1,2,10\n\n2016-06-15,1,2,1,2,10\n"
        + "2016-06-16,1,2,1,2\n\"2016-06-17,1,2,1,2,10\n");
    // A symbol given by the caller says the file holds one symbol: the repeated date is a duplicate.
    CollectedLoad load = CollectedLoad.of(new OhlcvLoader(Optional.of("X")), file);
    assertEquals(new Summary(1, 2, 2, 1), load.summary());
    assertEquals(List.of(5L, 6L), load.rejectLines());
    assertNull(load.records().get(0).adjClose());
  }

  @Test
  void multiSymbolFileWithAnUnknownSymbolHeaderIsReadByContent() throws IOException {
    Path file = fixture("multi/daily_by_instrument.csv");
    CollectedLoad load = CollectedLoad.of(loader, file);

    assertEquals(new Summary(12, 0, 0, 0), load.summary(), "no row collapsed as a duplicate");
    assertEquals(List.of("AAPL", "BRK.B", "MSFT", "XOM"),
        load.records().stream().map(PriceBar::symbol).distinct().sorted().toList());
    assertEquals(List.of("2013-02-08", "2013-02-11", "2013-02-12"), datesOf(load.records(), "BRK.B"));
  }

  @Test
  void multiSymbolFileWhoseSymbolCannotBeRecognizedIsRefusedNamingTheOption() {
    Path file = fixture("multi/daily_by_company.csv");
    SymbolColumnUnknownException e = assertThrows(SymbolColumnUnknownException.class,
        () -> loader.load(file, r -> { }, r -> { }));
    assertEquals(file, e.file());
    assertTrue(e.getMessage().contains("date 2013-02-08 appears on line 2 and again on line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("--symbol-col NAME"), e.getMessage());
    assertTrue(e.getMessage().contains("'DAILY'"), "names the symbol the file name would give: " + e.getMessage());
  }

  @Test
  void theNamedSymbolColumnLoadsAFileNothingElseRecognizes() throws IOException {
    Path file = fixture("multi/daily_by_company.csv");
    CollectedLoad load = CollectedLoad.of(new OhlcvLoader(Optional.empty(), Optional.of("company")), file);

    assertEquals(new Summary(6, 0, 0, 0), load.summary());
    assertEquals(List.of("Apple Inc.", "Exxon Mobil"),
        load.records().stream().map(PriceBar::symbol).distinct().sorted().toList());
    assertThrows(MissingSymbolColumnException.class,
        () -> new OhlcvLoader(Optional.empty(), Optional.of("Instrument")).load(file, r -> { }, r -> { }));
    assertThrows(IllegalArgumentException.class, () -> new OhlcvLoader(Optional.of("X"), Optional.of("company")));
  }

  @Test
  void recordsComeWithTheirFileAndLine() throws IOException {
    Path folder = fixture("sp500");
    List<String> located = new java.util.ArrayList<>();
    loader.loadLocated(folder, (bar, at) -> located.add(
        Path.of(at.file()).getFileName() + ":" + at.line() + " " + bar.symbol() + " " + bar.tradingDate()), r -> { });
    assertEquals("AAPL_data.csv:2 AAPL 2013-02-08", located.get(0));
    assertEquals("ABT_data.csv:2 ABT 2014-07-16", located.get(3));
  }

  private static List<String> datesOf(List<PriceBar> records, String symbol) {
    return records.stream().filter(b -> b.symbol().equals(symbol)).map(b -> b.tradingDate().toString()).toList();
  }
}
