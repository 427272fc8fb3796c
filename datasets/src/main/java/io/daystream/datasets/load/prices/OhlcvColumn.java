package io.daystream.datasets.load.prices;

import java.util.List;
import java.util.Locale;

/**
 * The canonical columns of a daily price file and the header names each is known by. Names are
 * compared after {@link #normalize}: {@code Adj Close}, {@code adj_close} and {@code ADJCLOSE}
 * are one name.
 */
enum OhlcvColumn {
  DATE(true, "date", "daydate", "tradedate", "tradingdate"),
  OPEN(true, "open", "openvalue", "openprice"),
  HIGH(true, "high", "highvalue", "highprice"),
  LOW(true, "low", "lowvalue", "lowprice"),
  CLOSE(true, "close", "closevalue", "closeprice"),
  VOLUME(true, "volume", "vol"),
  ADJ_CLOSE(false, "adjclose", "adjustedclose", "adjclosevalue"),
  // Most specific first: when a file has both Symbol and Name, Name may be the company's name.
  // A file whose symbol column has none of these names may still have it found by its content.
  SYMBOL(false, "symbol", "ticker", "tickersymbol", "stocksymbol", "tickercode", "stockticker", "sym",
      "stockcode", "stock", "code", "name");

  private final boolean required;
  private final List<String> aliases;

  OhlcvColumn(boolean required, String... aliases) {
    this.required = required;
    this.aliases = List.of(aliases);
  }

  /** Whether no row of a file can be read without this column. */
  boolean required() {
    return required;
  }

  /** Normalized header names, in order of preference. */
  List<String> aliases() {
    return aliases;
  }

  /** The name used in messages and reject reasons. */
  String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * A header cell as compared with {@link #aliases}: BOM, case, spaces, underscores, hyphens and
   * dots dropped, so separator style never decides whether a column is found.
   */
  static String normalize(String headerCell) {
    if (headerCell == null) {
      return "";
    }
    StringBuilder normalized = new StringBuilder(headerCell.length());
    for (int i = 0; i < headerCell.length(); i++) {
      char c = headerCell.charAt(i);
      if (c == '\uFEFF' || c == '_' || c == '-' || c == '.' || Character.isWhitespace(c)) {
        continue;
      }
      normalized.append(Character.toLowerCase(c));
    }
    return normalized.toString();
  }
}
