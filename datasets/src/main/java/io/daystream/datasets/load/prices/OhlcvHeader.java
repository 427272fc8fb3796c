package io.daystream.datasets.load.prices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where each canonical column sits in one file's header. Column order is free and unknown
 * columns are ignored; among several cells naming the same column, the most specific alias wins
 * (see {@link OhlcvColumn#SYMBOL}), then the leftmost cell.
 */
final class OhlcvHeader {

  private final Map<OhlcvColumn, Integer> positions;
  private final List<String> cells;

  private OhlcvHeader(Map<OhlcvColumn, Integer> positions, List<String> cells) {
    this.positions = positions;
    this.cells = cells;
  }

  /**
   * @param header the first row of {@code file}, or null when the file is empty
   * @throws MissingPriceColumnException when a required column is absent
   */
  static OhlcvHeader of(Path file, String[] header) throws MissingPriceColumnException {
    String[] cells = header == null ? new String[0] : header;
    List<String> normalized = Arrays.stream(cells).map(OhlcvColumn::normalize).toList();
    Map<OhlcvColumn, Integer> positions = new EnumMap<>(OhlcvColumn.class);
    List<OhlcvColumn> missing = new ArrayList<>();
    for (OhlcvColumn column : OhlcvColumn.values()) {
      OptionalInt position = firstPosition(column, normalized);
      if (position.isPresent()) {
        positions.put(column, position.getAsInt());
      } else if (column.required()) {
        missing.add(column);
      }
    }
    List<String> asWritten = Arrays.stream(cells).map(c -> c == null ? "" : c).toList();
    if (!missing.isEmpty()) {
      throw new MissingPriceColumnException(file, missing, asWritten);
    }
    return new OhlcvHeader(positions, asWritten);
  }

  /**
   * This header with the symbol read from the cell named {@code name} (compared as
   * {@link OhlcvColumn#normalize} does), whatever the header names say.
   *
   * @throws MissingSymbolColumnException when no cell has that name
   */
  OhlcvHeader withSymbolNamed(Path file, String name) throws MissingSymbolColumnException {
    int position = cells.stream().map(OhlcvColumn::normalize).toList().indexOf(OhlcvColumn.normalize(name));
    if (position < 0) {
      throw new MissingSymbolColumnException(file, name, cells);
    }
    return withSymbolAt(position);
  }

  /** This header with the symbol read from the cell at {@code position}. */
  OhlcvHeader withSymbolAt(int position) {
    Map<OhlcvColumn, Integer> moved = new EnumMap<>(positions);
    moved.put(OhlcvColumn.SYMBOL, position);
    return new OhlcvHeader(moved, cells);
  }

  private static OptionalInt firstPosition(OhlcvColumn column, List<String> normalized) {
    for (String alias : column.aliases()) {
      int position = normalized.indexOf(alias);
      if (position >= 0) {
        return OptionalInt.of(position);
      }
    }
    return OptionalInt.empty();
  }

  /** The number of cells in the header, which every data row must match. */
  int width() {
    return cells.size();
  }

  /** The header cells as written. */
  List<String> cells() {
    return cells;
  }

  /** Whether the cell at {@code position} holds one of the canonical columns. */
  boolean isCanonical(int position) {
    return positions.containsValue(position);
  }

  boolean has(OhlcvColumn column) {
    return positions.containsKey(column);
  }

  /** The column's zero-based position; the column must be present. */
  int positionOf(OhlcvColumn column) {
    Integer position = positions.get(column);
    if (position == null) {
      throw new IllegalArgumentException("no " + column.label() + " column");
    }
    return position;
  }
}
