package io.daystream.datasets.load.prices;

import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.SourceLine;
import io.daystream.datasets.load.csv.CsvFormat;
import io.daystream.datasets.load.csv.CsvReader;
import io.daystream.datasets.load.csv.CsvRowLoop;
import io.daystream.datasets.load.csv.UnreadableRow;
import io.daystream.datasets.schema.PriceBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loads daily OHLCV price files into {@link PriceBar}s, streaming, without Spark.
 *
 * <p><b>Input.</b> A single CSV file, or a folder whose {@code *.csv} files (not sub-folders) are
 * read in file-name order. Each file needs a header with date, open, high, low, close and volume
 * columns, in any order, under any of the names in {@link OhlcvColumn} compared ignoring case,
 * spaces and underscores: the sp500_5yr ({@code date,open,high,low,close,volume,Name}), nasdaq
 * ({@code ticker_symbol,day_date,close_value,volume,open_value,high_value,low_value}), DJIA
 * ({@code Date,Open,High,Low,Close,Volume,Adj Close}) and Yahoo layouts all qualify. A header
 * without one of them fails the load with a {@link MissingPriceColumnException} naming the
 * column and the file. Adjusted close is optional.
 *
 * <p><b>Symbol.</b> From the column named by {@code symbolColumn} when one is given (a file
 * without it fails the load with a {@link MissingSymbolColumnException}). Otherwise from the
 * file's symbol column, found by its name (one of {@link OhlcvColumn#SYMBOL}'s, e.g.
 * {@code Symbol}, {@code Ticker Symbol}, {@code sym}, {@code Name}, in that preference) or, when
 * no name matches, by its content (see {@link SymbolColumnScan}: ticker-like text that varies
 * while dates repeat). Failing both, every row of the file gets the {@code symbolOverride} or the
 * symbol of the file name, see {@link SymbolResolver} ({@code AAPL_data.csv} and
 * {@code AAPL.csv} give {@code AAPL}); but a file whose symbol would come from its name and in
 * which a date repeats holds several symbols, and is refused with a
 * {@link SymbolColumnUnknownException} before any of its rows is emitted, instead of being
 * collapsed to one row per date.
 *
 * <p><b>Rows.</b> Every data row ends in exactly one of three places:
 * <ul>
 *   <li>a record;
 *   <li>a {@link Reject} with file, physical line, raw text and reason, when a field is missing
 *       or unreadable, the date is not {@code yyyy-MM-dd}, a price is negative, high is below
 *       low, the volume is negative or not a whole number, or the field count differs from the
 *       header's;
 *   <li>a {@link SkippedRow}, counted in {@link Summary#skipped()}: a {@linkplain SkipReason#FILLER
 *       filler row} (a copy of the previous bar on a day the NYSE was closed, see
 *       {@link FillerRowRule}), a {@linkplain SkipReason#DUPLICATE duplicate} (symbol, date) of a
 *       record already loaded (the first one is kept, later ones are skipped, across all files of
 *       the load), or a {@linkplain SkipReason#BLANK blank line}.
 * </ul>
 * So {@code records + rejects + skipped} equals the number of data lines read;
 * {@link Summary#duplicates()} counts the duplicates among the skipped.
 *
 * <p>Memory grows with the span of days loaded per symbol, 8 to 16 bytes per calendar day, for
 * the duplicate and filler checks (a few MB for sp500_5yr); rows themselves are not kept. Instances are immutable and
 * may load several paths concurrently.
 */
public final class OhlcvLoader implements DatasetLoader<PriceBar> {

  /** Price cells are short; this only stops a runaway unclosed quote from eating the file. */
  private static final CsvFormat FORMAT = CsvFormat.of(',', 4096);

  private final SymbolResolver symbols;
  private final Optional<String> symbolColumn;
  private final FillerRowRule fillers = new FillerRowRule(new NyseCalendar());

  /**
   * @param symbolOverride the symbol for files that have no symbol column (e.g. "DJIA" for
   *     upload_DJIA_table.csv); empty to take it from each file's name
   * @param symbolColumn the header name of the column that holds the symbol, for files whose
   *     symbol column is neither named nor written as the loader recognizes; empty to find it
   * @throws IllegalArgumentException when either is blank, or both are given
   */
  public OhlcvLoader(Optional<String> symbolOverride, Optional<String> symbolColumn) {
    this.symbols = new SymbolResolver(Objects.requireNonNull(symbolOverride, "symbolOverride"));
    this.symbolColumn = Objects.requireNonNull(symbolColumn, "symbolColumn").map(String::strip);
    if (this.symbolColumn.filter(String::isEmpty).isPresent()) {
      throw new IllegalArgumentException("symbol column name is blank");
    }
    if (symbolOverride.isPresent() && symbolColumn.isPresent()) {
      throw new IllegalArgumentException("give a symbol or a symbol column, not both");
    }
  }

  /** A loader with a fixed symbol for files without a symbol column; see the two-argument constructor. */
  public OhlcvLoader(Optional<String> symbolOverride) {
    this(symbolOverride, Optional.empty());
  }

  /** A loader taking the symbol from the symbol column or, failing that, the file name. */
  public OhlcvLoader() {
    this(Optional.empty());
  }

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super PriceBar> records, Consumer<? super Reject> rejects)
      throws IOException {
    return loadLocated(path, records, rejects, skipped -> { });
  }

  /**
   * As {@link #load(Path, Consumer, Consumer)}, also reporting each skipped row.
   *
   * @throws MissingPriceColumnException when a file's header lacks a required column
   * @throws MissingSymbolColumnException when a file lacks the symbol column the loader was given
   * @throws SymbolColumnUnknownException when a file holds several symbols in a column not recognized
   * @throws IOException when the path is missing, unreadable, or a folder without CSV files
   */
  public Summary load(Path path, Consumer<? super PriceBar> records, Consumer<? super Reject> rejects,
      Consumer<? super SkippedRow> skips) throws IOException {
    return loadLocated(path, (bar, at) -> records.accept(bar), rejects, skips);
  }

  private Summary loadLocated(Path path, LocatedRecords<? super PriceBar> records, Consumer<? super Reject> rejects,
      Consumer<? super SkippedRow> skips) throws IOException {
    Counts counts = new Counts();
    LoadedBars loaded = new LoadedBars();
    Consumer<SkippedRow> counted = skip -> {
      if (skip.reason() == SkipReason.DUPLICATE) {
        counts.duplicates++;
      }
      skips.accept(skip);
    };
    for (Path file : filesOf(path)) {
      loadFile(file, loaded, counts, records, rejects, counted);
    }
    return new Summary(counts.records, counts.rejects, counts.skipped, counts.duplicates);
  }

  /** The file itself, or the folder's {@code *.csv} files sorted by name so loads repeat exactly. */
  static List<Path> filesOf(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such price file or folder");
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(path)) {
      files = entries
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
    if (files.isEmpty()) {
      throw new NoSuchFileException(path.toString(), null, "folder has no *.csv price files");
    }
    return files;
  }

  private void loadFile(Path file, LoadedBars loaded, Counts counts, LocatedRecords<? super PriceBar> records,
      Consumer<? super Reject> rejects, Consumer<? super SkippedRow> skips) throws IOException {
    String fileName = file.toString();
    try (CsvReader reader = CsvReader.open(file, FORMAT)) {
      OhlcvHeader header = withSymbolColumn(file,
          OhlcvHeader.of(file, reader.header().names().toArray(String[]::new)));
      String fileSymbol = header.has(OhlcvColumn.SYMBOL) ? null : symbols.symbolFor(file);
      OhlcvRowParser rows = new OhlcvRowParser(header, fileSymbol);
      CsvRowLoop.Tally tally = CsvRowLoop.run(reader, fileName, row -> {
        PriceBar bar;
        try {
          bar = rows.parse(row);
        } catch (RowRejected e) {
          throw new UnreadableRow(e.getMessage());
        }
        SkipReason skip = loaded.contains(bar.symbol(), bar.tradingDate()) ? SkipReason.DUPLICATE
            : fillers.isFiller(bar, loaded) ? SkipReason.FILLER
            : null;
        if (skip != null) {
          skips.accept(new SkippedRow(fileName, row.line(), row.raw(), skip));
          return CsvRowLoop.RowCount.ONE_SKIPPED;
        }
        loaded.add(bar);
        records.accept(bar, new SourceLine(fileName, row.line()));
        return CsvRowLoop.RowCount.ONE_RECORD;
      }, rejects, blank -> skips.accept(new SkippedRow(fileName, blank.line(), blank.raw(), SkipReason.BLANK)));
      counts.records += tally.records();
      counts.rejects += tally.rejects();
      counts.skipped += tally.skipped();
    }
  }

  /** The header with its symbol column placed as the class javadoc says, or refused. */
  private OhlcvHeader withSymbolColumn(Path file, OhlcvHeader named) throws IOException {
    if (symbolColumn.isPresent()) {
      return named.withSymbolNamed(file, symbolColumn.get());
    }
    if (named.has(OhlcvColumn.SYMBOL)) {
      return named;
    }
    SymbolColumnScan.Result scan = SymbolColumnScan.of(file, FORMAT, named);
    if (scan.symbolColumn().isPresent()) {
      return named.withSymbolAt(scan.symbolColumn().getAsInt());
    }
    // A symbol the caller gave is a statement that the file holds one symbol: repeats are duplicates.
    if (scan.repeatedDate().isPresent() && !symbols.given()) {
      throw new SymbolColumnUnknownException(file, symbols.symbolFor(file), scan.repeatedDate().get(),
          named.cells());
    }
    return named;
  }

  private static final class Counts {
    long records;
    long rejects;
    long skipped;
    long duplicates;
  }
}
