package io.daystream.ingestion.backfill;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.SourceLine;
import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.ingestion.stream.BronzeTable;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.ingestion.stream.MessageParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Loads a file into the lake through the very path Kafka messages take: the loader's records
 * become the JSON messages of their streams, staged as JSON lines, then parsed, validated,
 * cleaned and inserted only when new. Rows the loader cannot read, and records that fail
 * validation, go to the quarantine with the file and the line where their row starts. Loading the
 * same file again writes nothing new.
 *
 * <p>The rows handed to {@link MessageParser#parse} carry the record's source file in
 * {@code topic} and its line in {@code offset}; the quarantine writes them as {@code file} and
 * {@code line}. Records from a {@link RecordSource} (e.g. a generator) have no line: their
 * {@code offset}, and so their quarantined {@code line}, is null, and {@code file} is the source
 * name.
 */
public final class FileBackfill {

  /** The line of a record that comes from no file; staged as empty, so its offset is null. */
  private static final long NO_LINE = -1;

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final Lake lake;

  public FileBackfill(SparkSession spark, DaystreamConfig config) {
    this.spark = spark;
    this.config = config;
    this.lake = new Lake(config.lake());
  }

  /**
   * @param toMessages the messages one record becomes (a RecSys row is a tweet and an engagement)
   */
  public <T> BackfillResult load(String format, DatasetLoader<T> loader, Path path,
      Function<? super T, List<StagedMessage>> toMessages) throws IOException {
    return loadFrom(format, (records, rejects) -> loader.loadLocated(path, records::accept, rejects),
        path.toAbsolutePath().toString(), txnAppId(format, path), toMessages);
  }

  /**
   * Loads records from any source, e.g. a generator, through the same path.
   *
   * @param sourceName where the records came from, as the quarantine names it
   * @param writeId the same for the same content: a re-run with it skips the quarantine writes
   */
  public <T> BackfillResult load(String format, RecordSource<T> recordSource, String sourceName, String writeId,
      Function<? super T, List<StagedMessage>> toMessages) throws IOException {
    SourceLine unlocated = new SourceLine(sourceName, NO_LINE);
    return loadFrom(format, (records, rejects) -> recordSource.emit(record -> records.accept(record, unlocated),
        rejects), sourceName, writeId, toMessages);
  }

  private <T> BackfillResult loadFrom(String format, LocatedSource<T> recordSource, String sourceName, String writeId,
      Function<? super T, List<StagedMessage>> toMessages) throws IOException {
    // On the lake's file system, not the driver's disk: executors on other machines read it.
    org.apache.hadoop.fs.Path staging =
        new org.apache.hadoop.fs.Path(lake.checkpoint("backfill-staging/" + format + "-" + UUID.randomUUID()));
    FileSystem fs = staging.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try {
      Map<IngestedStream, BufferedWriter> writers = new EnumMap<>(IngestedStream.class);
      Map<String, Integer> files = new LinkedHashMap<>();
      List<Reject> rejects = new ArrayList<>();
      DatasetLoader.Summary summary;
      try {
        summary = recordSource.emit((record, at) -> {
          int file = files.computeIfAbsent(at.file(), f -> files.size());
          for (StagedMessage message : toMessages.apply(record)) {
            write(writers, fs, staging, message, file, at.line());
          }
        }, rejects::add);
      } finally {
        for (BufferedWriter writer : writers.values()) {
          writer.close();
        }
      }
      Quarantine quarantine = new Quarantine(lake.path(LakeTable.QUARANTINE));
      String source = sourceName;
      long quarantined = quarantine.appendFileRejects(spark, format, rejects, writeId);
      long written = 0;
      LocalDate first = null;
      LocalDate last = null;
      for (IngestedStream stream : writers.keySet()) {
        StreamLoad load = loadStream(stream, stagedFile(staging, stream), List.copyOf(files.keySet()), source,
            quarantine, writeId + "/" + stream.streamName());
        written += load.written();
        quarantined += load.quarantined();
        first = earliest(first, load.firstDate());
        last = latest(last, load.lastDate());
      }
      return new BackfillResult(format, written, quarantined, summary.skipped(), summary.duplicates(),
          summary.records() + summary.rejects() + summary.skipped(), Optional.ofNullable(first),
          Optional.ofNullable(last));
    } finally {
      fs.delete(staging, true);
    }
  }

  /** Anything that emits records and rejects, as a loader does for a file. */
  @FunctionalInterface
  public interface RecordSource<T> {
    DatasetLoader.Summary emit(java.util.function.Consumer<? super T> records,
        java.util.function.Consumer<? super Reject> rejects) throws IOException;
  }

  /** A record source that knows where each record starts. */
  @FunctionalInterface
  private interface LocatedSource<T> {
    DatasetLoader.Summary emit(DatasetLoader.LocatedRecords<? super T> records,
        java.util.function.Consumer<? super Reject> rejects) throws IOException;
  }

  private record StreamLoad(long written, long quarantined, LocalDate firstDate, LocalDate lastDate) {}

  /**
   * @param files the source files, by the index each staged line starts with
   */
  private StreamLoad loadStream(IngestedStream stream, org.apache.hadoop.fs.Path stagedLines, List<String> files,
      String source, Quarantine quarantine, String txnAppId) {
    Column fileNames = array(files.stream().map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
    // A staged line is "fileIndex<TAB>line<TAB>json"; the JSON may hold tabs, hence the limit.
    Column fields = split(col("value"), "\t", 3);
    Dataset<Row> messages = spark.read().text(stagedLines.toString())
        .select(
            lit(null).cast("binary").as("key"),
            element_at(fields, 3).cast("binary").as("value"),
            element_at(fileNames, element_at(fields, 1).cast("int").plus(1)).as("topic"),
            lit(null).cast("int").as("partition"),
            // Empty for a record from no file; never cast, so an ANSI session cannot fail on it.
            when(length(element_at(fields, 2)).gt(0), element_at(fields, 2).cast("long")).as("offset"));
    BronzeTable table = new BronzeTable(stream, lake.path(stream.table()));
    // One pass over the file: parsed, checked and in bronze form, kept for the three reads below.
    Dataset<Row> checked = table.withBronzeRecords(
        MessageParser.parse(messages, stream, config.ingestion().maxTextLength())).localCheckpoint();
    Dataset<Row> rejected = checked.filter(col("reason").isNotNull());
    long quarantined = rejected.count();
    if (quarantined > 0) {
      quarantine.appendFileMessageRejects(rejected, stream.streamName(), source, txnAppId);
    }
    Dataset<Row> bronze = checked.filter(col("reason").isNull()).select("record.*");
    Row span = bronze.agg(min("event_date"), max("event_date")).first();
    long written = table.insertNew(bronze);
    return new StreamLoad(written, quarantined, toLocalDate(span.getDate(0)), toLocalDate(span.getDate(1)));
  }

  /** One id per file content: re-running the same file skips its quarantine writes. */
  private static String txnAppId(String format, Path path) {
    try {
      return "backfill/" + format + "/" + path.toAbsolutePath() + "@" + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Map<IngestedStream, BufferedWriter> writers, FileSystem fs,
      org.apache.hadoop.fs.Path staging, StagedMessage message, int file, long line) {
    try {
      BufferedWriter writer = writers.get(message.stream());
      if (writer == null) {
        writer = new BufferedWriter(new OutputStreamWriter(
            fs.create(stagedFile(staging, message.stream()), false), StandardCharsets.UTF_8));
        writers.put(message.stream(), writer);
      }
      // Jackson escapes newlines inside strings, so one message is one line.
      writer.write(Integer.toString(file));
      writer.write('\t');
      if (line != NO_LINE) {
        writer.write(Long.toString(line));
      }
      writer.write('\t');
      writer.write(message.json());
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage a record", e);
    }
  }

  private static org.apache.hadoop.fs.Path stagedFile(org.apache.hadoop.fs.Path staging, IngestedStream stream) {
    return new org.apache.hadoop.fs.Path(staging, stream.streamName() + ".jsonl");
  }

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static LocalDate earliest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static LocalDate latest(LocalDate a, LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
