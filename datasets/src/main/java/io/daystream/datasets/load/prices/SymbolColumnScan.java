package io.daystream.datasets.load.prices;

import io.daystream.datasets.load.csv.CsvFormat;
import io.daystream.datasets.load.csv.CsvReader;
import io.daystream.datasets.load.csv.CsvRecord;
import io.daystream.datasets.load.csv.RestOfFileUnread;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One read of a price file whose header names no symbol column, before any row is loaded: does a
 * date repeat (then the file holds several symbols), and which column, if any, holds them.
 *
 * <p>A column is taken as the symbol column by its content when it is none of the canonical
 * columns, every non-empty value in it looks like a ticker ({@link #looksLikeTicker}), it holds at
 * least two distinct values, and some date repeats in the file. Among several such columns the
 * one with the most distinct values wins, then the leftmost. Rows with the wrong field count are
 * not looked at; they are rejected by the load itself.
 */
final class SymbolColumnScan {

  /** Upper-case letters, digits and {@code . - ^ = /}, at least one letter: AAPL, BRK.B, ^GSPC, BTC-USD, EURUSD=X. */
  private static final Pattern TICKER = Pattern.compile("[A-Z0-9.\\-^=/]{1,15}");

  /** Enough to rank columns; distinct values beyond this are not counted. */
  private static final int MAX_DISTINCT_COUNTED = 100_000;

  /** A date seen on two lines. */
  record RepeatedDate(String date, long firstLine, long line) {}

  /** What the scan found: the symbol column by content, and the first repeated date. */
  record Result(OptionalInt symbolColumn, Optional<RepeatedDate> repeatedDate) {}

  private SymbolColumnScan() {}

  static Result of(Path file, CsvFormat format, OhlcvHeader header) throws IOException {
    int width = header.width();
    int datePosition = header.positionOf(OhlcvColumn.DATE);
    boolean[] candidate = new boolean[width];
    @SuppressWarnings("unchecked")
    Set<String>[] distinct = new Set[width];
    for (int i = 0; i < width; i++) {
      candidate[i] = !header.isCanonical(i);
      distinct[i] = new HashSet<>();
    }
    Map<String, Long> lineOfDate = new HashMap<>();
    RepeatedDate repeat = null;
    try (CsvReader reader = CsvReader.open(file, format)) {
      while (true) {
        CsvRecord row;
        try {
          row = reader.next();
        } catch (RestOfFileUnread e) {
          break;
        }
        if (row == null) {
          break;
        }
        if (row.isBlank() || row.fieldCount() != width) {
          continue;
        }
        String date = row.optional(datePosition).strip();
        Long firstLine = lineOfDate.putIfAbsent(date, row.line());
        if (firstLine != null && repeat == null) {
          repeat = new RepeatedDate(date, firstLine, row.line());
        }
        for (int i = 0; i < width; i++) {
          if (!candidate[i]) {
            continue;
          }
          String value = row.optional(i).strip();
          if (value.isEmpty()) {
            continue;
          }
          if (!looksLikeTicker(value)) {
            candidate[i] = false;
          } else if (distinct[i].size() < MAX_DISTINCT_COUNTED) {
            distinct[i].add(value);
          }
        }
      }
    }
    return new Result(repeat == null ? OptionalInt.empty() : best(candidate, distinct), Optional.ofNullable(repeat));
  }

  /** Whether {@code value} is written as a ticker is: short, upper case, at least one letter. */
  static boolean looksLikeTicker(String value) {
    return TICKER.matcher(value).matches() && value.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
  }

  private static OptionalInt best(boolean[] candidate, Set<String>[] distinct) {
    int best = -1;
    for (int i = 0; i < candidate.length; i++) {
      if (candidate[i] && distinct[i].size() >= 2 && (best < 0 || distinct[i].size() > distinct[best].size())) {
        best = i;
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }
}
