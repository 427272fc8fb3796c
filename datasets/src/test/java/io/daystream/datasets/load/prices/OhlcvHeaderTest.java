package io.daystream.datasets.load.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OhlcvHeaderTest {

  private static final Path FILE = Path.of("some/prices.csv");

  private static OhlcvHeader header(String line) throws MissingPriceColumnException {
    return OhlcvHeader.of(FILE, line.split(",", -1));
  }

  @Test
  void sp500LayoutTakesTheSymbolFromName() throws Exception {
    OhlcvHeader header = header("date,open,high,low,close,volume,Name");
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), positions(header));
    assertFalse(header.has(OhlcvColumn.ADJ_CLOSE));
  }

  @Test
  void nasdaqLayoutMatchesTheValueSuffixedNames() throws Exception {
    OhlcvHeader header = header("ticker_symbol,day_date,close_value,volume,open_value,high_value,low_value");
    assertEquals(List.of(1, 4, 5, 6, 2, 3, 0), positions(header));
  }

  @Test
  void djiaLayoutHasAdjustedCloseAndNoSymbol() throws Exception {
    OhlcvHeader header = header("Date,Open,High,Low,Close,Volume,Adj Close");
    assertEquals(6, header.positionOf(OhlcvColumn.ADJ_CLOSE));
    assertFalse(header.has(OhlcvColumn.SYMBOL));
    assertEquals(7, header.width());
  }

  @Test
  void yahooLayoutInAnyOrderWithAnyCommonSymbolName() throws Exception {
    for (String symbolName : List.of("symbol", "Symbol", "ticker", "Ticker", "ticker_symbol", "TICKER SYMBOL",
        "name", "Name")) {
      OhlcvHeader header = header(" Volume ,Adj_Close,CLOSE,low,High,open," + symbolName + ",date");
      assertEquals(List.of(7, 5, 4, 3, 2, 0, 6), positions(header), symbolName);
      assertEquals(1, header.positionOf(OhlcvColumn.ADJ_CLOSE), symbolName);
    }
  }

  @Test
  void symbolColumnIsFoundUnderTheNamesPriceFilesUse() throws Exception {
    for (String symbolName : List.of("Stock", "STOCK", "sym", "Sym", "code", "Code", "Ticker Symbol", "ticker-symbol",
        "Stock Symbol", "stock_code", "Ticker Code", "\uFEFFSymbol")) {
      OhlcvHeader header = header(symbolName + ",Date,Open,High,Low,Close,Volume");
      assertEquals(0, header.positionOf(OhlcvColumn.SYMBOL), symbolName);
    }
  }

  @Test
  void aColumnNamedLikeNoSymbolIsNotTheSymbol() throws Exception {
    OhlcvHeader header = header("Instrument,Date,Open,High,Low,Close,Volume");
    assertFalse(header.has(OhlcvColumn.SYMBOL));
    assertFalse(header.isCanonical(0));
    assertTrue(header.isCanonical(1));
  }

  @Test
  void theCallerMayNameTheSymbolColumnInAnySpelling() throws Exception {
    OhlcvHeader header = header("Date,Open,High,Low,Close,Volume,Security Id").withSymbolNamed(FILE, "security_ID");
    assertEquals(6, header.positionOf(OhlcvColumn.SYMBOL));
    // Naming it overrides a column the header names as the symbol.
    assertEquals(0, header("Instrument,Date,Open,High,Low,Close,Volume,Name").withSymbolNamed(FILE, "Instrument")
        .positionOf(OhlcvColumn.SYMBOL));
  }

  @Test
  void aSymbolColumnNameThatIsNotInTheHeaderFailsNamingIt() {
    MissingSymbolColumnException e = assertThrows(MissingSymbolColumnException.class,
        () -> header("Date,Open,High,Low,Close,Volume").withSymbolNamed(FILE, "Instrument"));
    assertTrue(e.getMessage().startsWith(FILE + ": no column 'Instrument'"), e.getMessage());
  }

  @Test
  void symbolBeatsNameBecauseNameMayBeTheCompany() throws Exception {
    OhlcvHeader header = header("Name,Date,Open,High,Low,Close,Volume,Symbol");
    assertEquals(7, header.positionOf(OhlcvColumn.SYMBOL));
  }

  @Test
  void unknownColumnsAreIgnored() throws Exception {
    OhlcvHeader header = header("Date,Open,High,Low,Close,Volume,Dividends,Stock Splits");
    assertEquals(8, header.width());
    assertTrue(header.has(OhlcvColumn.VOLUME));
  }

  @Test
  void missingColumnIsNamedWithTheFile() {
    MissingPriceColumnException e = assertThrows(MissingPriceColumnException.class,
        () -> header("Date,Open,High,Low,Close,Adj Close"));
    assertEquals(List.of("volume"), e.missing());
    assertEquals(FILE, e.file());
    assertTrue(e.getMessage().startsWith(FILE + ": missing required column 'volume'"), e.getMessage());
  }

  @Test
  void everyMissingColumnIsNamed() {
    MissingPriceColumnException e = assertThrows(MissingPriceColumnException.class,
        () -> header("timestamp,price,size"));
    assertEquals(List.of("date", "open", "high", "low", "close", "volume"), e.missing());
  }

  @Test
  void noHeaderRowSaysSo() {
    MissingPriceColumnException e = assertThrows(MissingPriceColumnException.class,
        () -> OhlcvHeader.of(FILE, null));
    assertTrue(e.getMessage().endsWith("the file has no header row"), e.getMessage());
  }

  private static List<Integer> positions(OhlcvHeader header) {
    return List.of(OhlcvColumn.DATE, OhlcvColumn.OPEN, OhlcvColumn.HIGH, OhlcvColumn.LOW, OhlcvColumn.CLOSE,
        OhlcvColumn.VOLUME, OhlcvColumn.SYMBOL).stream().map(header::positionOf).toList();
  }
}
