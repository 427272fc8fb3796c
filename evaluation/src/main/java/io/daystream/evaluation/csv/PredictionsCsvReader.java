package io.daystream.evaluation.csv;

import io.daystream.datasets.load.csv.CsvFormat;
import io.daystream.datasets.load.csv.CsvReader;
import io.daystream.datasets.load.csv.CsvRecord;
import io.daystream.datasets.load.csv.RestOfFileUnread;
import io.daystream.evaluation.metrics.PredictionHistogram;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a UTF-8 predictions CSV (RFC 4180, ',' separated, header line first) straight into a
 * {@link PredictionHistogram}, one record at a time through the loaders' {@link CsvReader}, so the
 * file size does not bound memory; only the number of distinct prediction values does. Lines end
 * with LF or CRLF (mixed alike); a leading BOM is dropped.
 *
 * <p>Labels must be {@code 0}, {@code 1}, {@code 0.0} or {@code 1.0}; predictions decimal numbers in
 * [0, 1] ({@code NaN} and {@code Infinity} are rejected). Surrounding spaces are ignored in values and
 * column names. Blank lines are allowed only at the end of the file. Other columns are ignored, but every
 * row must have as many fields as the header, and every record balanced quotes.
 */
public final class PredictionsCsvReader {

  public static final String DEFAULT_LABEL_COLUMN = "label";
  public static final String DEFAULT_PREDICTION_COLUMN = "prediction";

  /** Bounds memory when a stray quote would otherwise swallow the rest of a large file into one field. */
  static final int MAX_CHARS_PER_FIELD = 1_000_000;

  private static final CsvFormat FORMAT = CsvFormat.of(',', MAX_CHARS_PER_FIELD);

  // Plain decimal notation only: Double.parseDouble would also take "NaN", "Infinity", hex floats and
  // Java's "0.5d" / "0.5f" suffixes, none of which belong in a predictions file.
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final String labelColumn;
  private final String predictionColumn;

  /** Reads the columns {@code label} and {@code prediction}. */
  public PredictionsCsvReader() {
    this(DEFAULT_LABEL_COLUMN, DEFAULT_PREDICTION_COLUMN);
  }

  /** Reads the given columns; names are matched exactly, after trimming surrounding spaces. */
  public PredictionsCsvReader(String labelColumn, String predictionColumn) {
    this.labelColumn = requireColumnName(labelColumn, "labelColumn");
    this.predictionColumn = requireColumnName(predictionColumn, "predictionColumn");
    if (this.labelColumn.equals(this.predictionColumn)) {
      throw new IllegalArgumentException("label and prediction column must differ, both are \""
          + this.labelColumn + "\"");
    }
  }

  /**
   * Reads a UTF-8 file. Bytes that are not UTF-8 read as U+FFFD, as in the loaders, so they pass only
   * in columns that are not read.
   *
   * @throws InvalidPredictionsException if the content is not a valid predictions file; the message
   *     names the file, the line and the problem
   * @throws IOException if the file cannot be read
   */
  public PredictionHistogram read(Path file) throws IOException, InvalidPredictionsException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      // The reader would only say "Error reading from input".
      throw new FileSystemException(source, null, "is a directory, not a file");
    }
    try (CsvReader csv = CsvReader.open(file, FORMAT)) {
      return read(csv, source);
    } catch (RestOfFileUnread e) {
      throw InvalidPredictionsException.atLine(source, e.line(), "unreadable from here to the end of the file: "
          + e.getMessage());
    }
  }

  private PredictionHistogram read(CsvReader csv, String source)
      throws InvalidPredictionsException, RestOfFileUnread {
    List<String> header = readHeader(csv, source);
    int labelIndex = columnIndex(header, labelColumn, source);
    int predictionIndex = columnIndex(header, predictionColumn, source);
    requireColumnsPresent(header, labelIndex, predictionIndex, source);

    PredictionHistogram.Builder histogram = PredictionHistogram.builder();
    long dataRows = 0;
    long firstBlankLine = 0;
    for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
      if (row.isBlank()) {
        firstBlankLine = firstBlankLine == 0 ? row.line() : firstBlankLine;
        continue;
      }
      if (firstBlankLine != 0) {
        throw InvalidPredictionsException.atLine(source, firstBlankLine,
            "blank line before more rows; blank lines are only allowed at the end of the file");
      }
      requireBalancedQuotes(row, source);
      if (row.fieldCount() != header.size()) {
        throw InvalidPredictionsException.atLine(source, row.line(), "row has "
            + row.fieldCount() + " field(s) but the header has " + header.size());
      }
      int label = parseLabel(row.optional(labelIndex), row.line(), source);
      double prediction = parsePrediction(row.optional(predictionIndex), row.line(), source);
      histogram.add(prediction, label);
      dataRows++;
    }
    if (dataRows == 0) {
      throw InvalidPredictionsException.forFile(source, "has a header but no rows");
    }
    return histogram.build();
  }

  /**
   * The column names of line 1. The reader takes line 1 as the header even when it is blank, so a blank
   * first line is an empty file only if nothing but blank lines follows.
   */
  private static List<String> readHeader(CsvReader csv, String source)
      throws InvalidPredictionsException, RestOfFileUnread {
    List<String> names = csv.header().names();
    if (names.stream().allMatch(String::isEmpty)) {
      CsvRecord next = csv.next();
      while (next != null && next.isBlank()) {
        next = csv.next();
      }
      if (next != null) {
        throw InvalidPredictionsException.atLine(source, 1,
            "the header line is blank; the first line must name the columns");
      }
      throw InvalidPredictionsException.forFile(source, "is empty: expected a header line with the columns");
    }
    // Name the cause rather than list column names glued together across lines.
    if (names.stream().anyMatch(name -> name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0)) {
      throw InvalidPredictionsException.atLine(source, 1, "a column name holds a line break: a quote in the"
          + " header is never closed, or lines end with a bare CR (lines must end with LF or CRLF)");
    }
    return names;
  }

  /**
   * Univocity reads a quote it cannot pair as content (a '"' inside an unquoted field) or, when a quoted
   * field is never closed, reads the rest of the file into that field. Either way the record holds an odd
   * number of quotes, which RFC 4180 never allows.
   */
  private static void requireBalancedQuotes(CsvRecord row, String source) throws InvalidPredictionsException {
    if (row.raw().chars().filter(c -> c == '"').count() % 2 != 0) {
      throw InvalidPredictionsException.atLine(source, row.line(), "unbalanced '\"' in the record starting"
          + " on this line: a quoted field is never closed, or a '\"' is inside an unquoted field"
          + " (quote the whole field and double the quote)");
    }
  }

  /** Index of the column, -1 when absent. */
  private static int columnIndex(List<String> header, String column, String source)
      throws InvalidPredictionsException {
    int index = header.indexOf(column);
    if (index >= 0 && header.lastIndexOf(column) != index) {
      throw InvalidPredictionsException.atLine(source, 1, "column \"" + column
          + "\" appears more than once in the header " + header);
    }
    return index;
  }

  private void requireColumnsPresent(List<String> header, int labelIndex, int predictionIndex,
      String source) throws InvalidPredictionsException {
    List<String> missing = new ArrayList<>(2);
    if (labelIndex < 0) {
      missing.add("\"" + labelColumn + "\"");
    }
    if (predictionIndex < 0) {
      missing.add("\"" + predictionColumn + "\"");
    }
    if (!missing.isEmpty()) {
      throw InvalidPredictionsException.atLine(source, 1, "missing column"
          + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
          + "; columns present: " + header);
    }
  }

  private int parseLabel(String field, long line, String source) throws InvalidPredictionsException {
    switch (field.strip()) {
      case "0":
      case "0.0":
        return 0;
      case "1":
      case "1.0":
        return 1;
      default:
        throw InvalidPredictionsException.atLine(source, line, "label \"" + field + "\" in column \""
            + labelColumn + "\" is not 0 or 1");
    }
  }

  private double parsePrediction(String field, long line, String source)
      throws InvalidPredictionsException {
    String value = field.strip();
    if (!DECIMAL.matcher(value).matches()) {
      throw InvalidPredictionsException.atLine(source, line, "prediction \"" + field + "\" in column \""
          + predictionColumn + "\" is not a number");
    }
    double prediction = Double.parseDouble(value);
    if (!(prediction >= 0.0 && prediction <= 1.0)) {
      throw InvalidPredictionsException.atLine(source, line, "prediction \"" + field + "\" in column \""
          + predictionColumn + "\" is outside [0, 1]");
    }
    return prediction;
  }

  private static String requireColumnName(String name, String what) {
    Objects.requireNonNull(name, what);
    String stripped = name.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return stripped;
  }
}
