package io.daystream.datasets.load.csv;

import io.daystream.datasets.load.Reject;
import java.util.function.Consumer;

/**
 * The read loop every CSV loader shares: a blank line is skipped, a row the handler cannot read
 * becomes a {@link Reject} with its physical line, and a parser that gives up (a runaway quote)
 * becomes the file's last reject. What a row means is the handler's business.
 */
public final class CsvRowLoop {

  /** Reads one non-blank row: emits its records itself and says what it did. */
  @FunctionalInterface
  public interface RowHandler {
    /** @throws UnreadableRow when the row cannot become records; nothing of it may be emitted then */
    RowCount handle(CsvRecord row) throws UnreadableRow;
  }

  /** What one row became: records emitted, and parts (cells, whole rows) skipped as holding no data. */
  public record RowCount(long records, long skipped) {

    public static final RowCount ONE_RECORD = new RowCount(1, 0);
    public static final RowCount ONE_SKIPPED = new RowCount(0, 1);
  }

  /** What a whole file became. */
  public record Tally(long records, long rejects, long skipped) {}

  private CsvRowLoop() {}

  /**
   * @param file the file's name as rejects report it
   * @param blankLines told of each blank line, which counts as skipped
   */
  public static Tally run(CsvReader csv, String file, RowHandler handler, Consumer<? super Reject> rejects,
      Consumer<CsvRecord> blankLines) {
    long records = 0;
    long rejected = 0;
    long skipped = 0;
    while (true) {
      CsvRecord row;
      try {
        row = csv.next();
      } catch (RestOfFileUnread e) {
        rejects.accept(new Reject(file, e.line(), e.raw(),
            "unparseable from here to the end of the file: " + e.getMessage()));
        return new Tally(records, rejected + 1, skipped);
      }
      if (row == null) {
        return new Tally(records, rejected, skipped);
      }
      if (row.isBlank()) {
        blankLines.accept(row);
        skipped++;
        continue;
      }
      try {
        RowCount count = handler.handle(row);
        records += count.records();
        skipped += count.skipped();
      } catch (UnreadableRow e) {
        rejects.accept(new Reject(file, row.line(), row.raw(), e.getMessage()));
        rejected++;
      }
    }
  }
}
