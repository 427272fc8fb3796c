package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.load.DatasetFormat;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.datasets.load.prices.MissingPriceColumnException;
import io.daystream.datasets.load.prices.MissingSymbolColumnException;
import io.daystream.datasets.load.prices.SymbolColumnUnknownException;
import io.daystream.ingestion.backfill.BackfillResult;
import io.daystream.ingestion.backfill.FileBackfill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream datasets load}: one real file layout into the canonical Delta tables. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Reads a file (or a folder, for ohlcv) into the canonical tables through ingestion's validation, "
        + "cleaning and dedup; unreadable rows go to the quarantine. Formats: stocknews-combined, reddit-news, "
        + "reddit-posts, ohlcv, tweets-csv, stock-tweets, recsys2020.")
public final class DatasetsLoadCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "The file layout.")
  private String format;

  @Option(names = "--path", required = true, paramLabel = "PATH", description = "The file or folder to load.")
  private Path path;

  @Option(names = "--symbol", paramLabel = "SYMBOL",
      description = "ohlcv only: the symbol of a file without a symbol column (default: from the file name).")
  private String symbol;

  @Option(names = "--symbol-col", paramLabel = "NAME",
      description = "ohlcv only: the header of the column that holds the symbol, when the loader does not "
          + "recognize it by its name or content.")
  private String symbolColumn;

  @Option(names = "--json", description = "Print one JSON object instead of a sentence.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    DatasetFormat datasetFormat = DatasetFormat.byName(format);
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("no such file or folder: " + path);
    }
    if (symbol != null && symbolColumn != null) {
      throw new IllegalArgumentException("give --symbol or --symbol-col, not both");
    }
    DatasetFormat.SymbolSource symbols =
        new DatasetFormat.SymbolSource(Optional.ofNullable(symbol), Optional.ofNullable(symbolColumn));
    DaystreamConfig config = common.load();
    BackfillResult result;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      result = datasetFormat.loadInto(new FileBackfill(runtime.spark(), config), path, symbols);
    } catch (MissingPriceColumnException | MissingSymbolColumnException | SymbolColumnUnknownException e) {
      // The file cannot be read as given; the message says what to pass.
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (result.manyDuplicates()) {
      spec.commandLine().getErr().printf(Locale.ROOT,
          "warning: %d of %d rows (%.1f %%) were dropped as duplicates of an earlier row with the same key;"
              + " check that the file's key columns (for ohlcv: symbol and date) were read as meant%n",
          result.duplicates(), result.sourceRows(), 100 * result.duplicateShare());
    }
    if (json) {
      ObjectNode node = JSON.createObjectNode()
          .put("format", result.format())
          .put("rows", result.rows())
          .put("quarantined", result.quarantined())
          .put("skipped", result.skipped())
          .put("duplicates", result.duplicates())
          .put("source_rows", result.sourceRows())
          .put("first_date", result.firstDate().map(Object::toString).orElse(null))
          .put("last_date", result.lastDate().map(Object::toString).orElse(null));
      spec.commandLine().getOut().println(node);
    } else {
      spec.commandLine().getOut().printf(
          "%s: %d rows written, %d quarantined, %d skipped (%d duplicates), events %s .. %s%n",
          result.format(), result.rows(), result.quarantined(), result.skipped(), result.duplicates(),
          result.firstDate().map(Object::toString).orElse("-"), result.lastDate().map(Object::toString).orElse("-"));
    }
    return ExitCodes.OK;
  }
}
