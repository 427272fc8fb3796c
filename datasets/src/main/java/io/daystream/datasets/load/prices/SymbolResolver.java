package io.daystream.datasets.load.prices;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The symbol of a file that has no symbol column: the override when one is given, otherwise one
 * read from the file name. A symbol column always wins over both, row by row.
 *
 * <p>File-name rule: drop a trailing {@code .csv}, split the rest at underscores and spaces, and
 * take the first part written like a ticker in capitals (only {@code A-Z 0-9 . - ^ =}, at least
 * one letter). So {@code AAPL_data.csv} and {@code AAPL.csv} give {@code AAPL},
 * {@code BRK.B_data.csv} gives {@code BRK.B}, {@code ^GSPC.csv} gives {@code ^GSPC} and
 * {@code upload_DJIA_table.csv} gives {@code DJIA}. When no part is in capitals, the first part
 * upper-cased: {@code aapl.csv} gives {@code AAPL}.
 */
final class SymbolResolver {

  private final Optional<String> override;

  SymbolResolver(Optional<String> override) {
    this.override = override.map(String::strip);
    if (this.override.filter(String::isEmpty).isPresent()) {
      throw new IllegalArgumentException("symbol override is blank");
    }
  }

  /** Whether a symbol was given, rather than read from each file's name. */
  boolean given() {
    return override.isPresent();
  }

  /** The symbol for every row of {@code file} when the file has no symbol column. */
  String symbolFor(Path file) {
    return override.orElseGet(() -> fromFileName(file.getFileName().toString()));
  }

  static String fromFileName(String fileName) {
    String stem = fileName.regionMatches(true, fileName.length() - 4, ".csv", 0, 4)
        ? fileName.substring(0, fileName.length() - 4)
        : fileName;
    String firstPart = null;
    for (String part : stem.split("[_\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (looksLikeTicker(part)) {
        return part;
      }
      if (firstPart == null) {
        firstPart = part;
      }
    }
    if (firstPart == null) {
      throw new IllegalArgumentException("no symbol in file name '" + fileName + "'; pass a symbol");
    }
    return firstPart.toUpperCase(Locale.ROOT);
  }

  private static boolean looksLikeTicker(String part) {
    boolean letter = false;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        letter = true;
      } else if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '^' && c != '=') {
        return false;
      }
    }
    return letter;
  }
}
