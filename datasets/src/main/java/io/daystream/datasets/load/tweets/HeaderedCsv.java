package io.daystream.datasets.load.tweets;

import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.DatasetLoader.Summary;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.SourceLine;
import io.daystream.datasets.load.csv.CsvFormat;
import io.daystream.datasets.load.csv.CsvHeader;
import io.daystream.datasets.load.csv.CsvReader;
import io.daystream.datasets.load.csv.CsvRecord;
import io.daystream.datasets.load.csv.CsvRowLoop;
import io.daystream.datasets.load.csv.UnreadableRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The reading loop of the tweet CSV loaders: a quoted, delimited UTF-8 file with a header row,
 * each record checked against the header and passed through a mapper. Values are kept as written
 * (tweet texts start with spaces and {@code #}), except that a quoted CRLF becomes LF: tweet texts
 * carry LF line breaks only, whichever line ends the file was saved with.
 */
final class HeaderedCsv {

  /** A tweet is at most a few thousand characters; this only stops a runaway unclosed quote. */
  static final int MAX_CHARS_PER_COLUMN = 1 << 20;

  private final CsvFormat format;
  private final List<String> requiredColumns;

  HeaderedCsv(char delimiter, List<String> requiredColumns) {
    this.format = CsvFormat.of(delimiter, MAX_CHARS_PER_COLUMN).withQuotedCrlfAsLf();
    this.requiredColumns = List.copyOf(requiredColumns);
  }

  /**
   * Maps every record of {@code path}. A record with the wrong number of fields, or one the
   * mapper rejects, becomes a {@link Reject}; blank lines are counted as skipped.
   *
   * @throws MissingColumnException when the header lacks a required column
   */
  <T> Summary read(Path path, Function<CsvRecord, T> mapper, DatasetLoader.LocatedRecords<? super T> records,
      Consumer<? super Reject> rejects) throws IOException {
    try (CsvReader csv = CsvReader.open(path, format)) {
      CsvHeader header = csv.header();
      List<String> missing = header.missing(requiredColumns);
      if (!missing.isEmpty()) {
        throw new MissingColumnException(path, missing, header.names());
      }
      CsvRowLoop.Tally tally = CsvRowLoop.run(csv, path.toString(), row -> {
        records.accept(map(row, header.count(), mapper), new SourceLine(path.toString(), row.line()));
        return CsvRowLoop.RowCount.ONE_RECORD;
      }, rejects, blank -> {});
      return new Summary(tally.records(), tally.rejects(), tally.skipped());
    }
  }

  private static <T> T map(CsvRecord row, int columnCount, Function<CsvRecord, T> mapper) throws UnreadableRow {
    if (row.fieldCount() != columnCount) {
      throw new UnreadableRow("expected " + columnCount + " fields as in the header, found " + row.fieldCount());
    }
    try {
      return mapper.apply(row);
    } catch (RowRejected e) {
      throw new UnreadableRow(e.getMessage());
    }
  }
}
