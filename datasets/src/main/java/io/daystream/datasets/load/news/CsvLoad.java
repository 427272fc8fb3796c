package io.daystream.datasets.load.news;

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
 * The read loop the news loaders share: check the header, map each row, turn what cannot be
 * mapped into a {@link Reject}. Skipped counts blank lines and empty cells, which hold no data.
 */
final class CsvLoad {

  /** A headline or post body is at most tens of kB; this only stops a runaway unclosed quote. */
  private static final int MAX_CHARS_PER_FIELD = 1_000_000;

  private static final CsvFormat FORMAT = CsvFormat.of(',', MAX_CHARS_PER_FIELD);

  private CsvLoad() {}

  /**
   * @throws IOException when the file cannot be read or its header lacks one of {@code requiredColumns}
   */
  static <T> Summary run(
      Path path,
      List<String> requiredColumns,
      Function<CsvHeader, RowMapper<T>> mapperForHeader,
      DatasetLoader.LocatedRecords<? super T> records,
      Consumer<? super Reject> rejects)
      throws IOException {
    String file = path.toString();
    try (CsvReader csv = CsvReader.open(path, FORMAT)) {
      CsvHeader columns = csv.header();
      if (columns.isEmpty()) {
        throw new IOException(file + ": empty file, expected a header line");
      }
      List<String> missing = columns.missing(requiredColumns);
      if (!missing.isEmpty()) {
        throw new IOException(file + ": missing required column" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing) + "; header has " + columns.names());
      }
      RowMapper<T> mapper = mapperForHeader.apply(columns);
      CsvRowLoop.Tally tally = CsvRowLoop.run(csv, file, row -> {
        RowMapper.Mapped<T> mapped = mapWithinHeader(row, columns, mapper);
        SourceLine at = new SourceLine(file, row.line());
        mapped.records().forEach(record -> records.accept(record, at));
        return new CsvRowLoop.RowCount(mapped.records().size(), mapped.emptyCells());
      }, rejects, blank -> {});
      return new Summary(tally.records(), tally.rejects(), tally.skipped());
    }
  }

  private static <T> RowMapper.Mapped<T> mapWithinHeader(
      CsvRecord row, CsvHeader columns, RowMapper<T> mapper) throws UnreadableRow {
    // More fields than columns means an unquoted delimiter: no field can be trusted to be its column.
    if (row.fieldCount() > columns.count()) {
      throw new UnreadableRow(row.fieldCount() + " fields but the header has " + columns.count());
    }
    return mapper.map(row);
  }
}
