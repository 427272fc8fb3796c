package io.daystream.datasets.load.prices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A price file with no recognizable symbol column in which a date repeats: it holds several
 * symbols, and giving every row the symbol of the file name would keep one row per date and drop
 * the rest as duplicates. The load is refused instead; the message names the option that says
 * which column holds the symbol.
 */
public final class SymbolColumnUnknownException extends IOException {

  private final Path file;

  SymbolColumnUnknownException(Path file, String fileSymbol, SymbolColumnScan.RepeatedDate repeat,
      List<String> header) {
    super(file + ": date " + repeat.date() + " appears on line " + repeat.firstLine() + " and again on line "
        + repeat.line() + ", so the file holds several symbols, but none of its columns " + header
        + " is recognized as the symbol (by name: " + OhlcvColumn.SYMBOL.aliases()
        + "; by content: ticker-like text that varies between rows). Loading it as the single symbol '"
        + fileSymbol + "' of its file name would drop all but one row per date. Name the symbol column with"
        + " --symbol-col NAME (or, if the file really holds one symbol and repeated dates are duplicates,"
        + " give it with --symbol SYMBOL).");
    this.file = file;
  }

  /** The refused file. */
  public Path file() {
    return file;
  }
}
