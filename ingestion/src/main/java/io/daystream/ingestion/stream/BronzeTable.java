package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.core.lake.TableCreation;
import io.daystream.ingestion.clean.TextCleaningColumns;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * A stream's bronze Delta table. Records are inserted only when their natural key is new, so a
 * replayed batch, a re-sent message or a re-run backfill never writes a row twice. A streaming
 * batch looks for stored keys from its watermark's day on: a re-sent message keeps its event time,
 * so its first copy cannot be older (a different record that reuses a key from before the
 * watermark's day would be stored; like Spark's {@code dropDuplicatesWithinWatermark}).
 */
public final class BronzeTable {

  /**
   * What a micro-batch's insert did: the rows it inserted (in this run or in the run a crash cut
   * short) and, when a bronze commit of the batch holds them, the batch time its
   * {@link BatchCommitInfo} carries (the first run's, for a batch redone after a crash).
   */
  public record BatchInsert(long inserted, Optional<Instant> committedBatchTime) {

    /** A batch that had nothing to insert and looked for nothing. */
    public static final BatchInsert NOTHING = new BatchInsert(0, Optional.empty());

    public boolean committed() {
      return committedBatchTime.isPresent();
    }
  }

  /** Delta writes this session setting into the commit's {@code userMetadata}. */
  private static final String COMMIT_LABEL_KEY = "spark.databricks.delta.commitInfo.userMetadata";
  /** How far back a redone batch looks for its first run's commit: that run crashed just after it. */
  private static final int RECENT_COMMITS = 50;

  private final IngestedStream stream;
  private final String path;
  private final TableCreation creation;

  public BronzeTable(IngestedStream stream, String path) {
    this.stream = stream;
    this.path = path;
    this.creation = new TableCreation(path, BronzeSchemas.of(stream), CanonicalSchemas.EVENT_DATE);
  }

  /**
   * Parsed messages (see {@link MessageParser}) whose {@code record} is in bronze form: the message
   * fields, the text cleaned with its links and raw copy beside it, the ingestion time and the
   * event day. Only valid records are cleaned; a rejected one goes to the quarantine as raw bytes.
   */
  public Dataset<Row> withBronzeRecords(Dataset<Row> parsed) {
    Optional<String> text = stream.textColumn();
    Dataset<Row> out = parsed;
    if (text.isPresent()) {
      // A column of its own: the cleaning UDF then runs once per record, not once per field.
      out = out.withColumn("_cleaned",
          when(col("reason").isNull(), TextCleaningColumns.clean(col("record." + text.get()))));
    }
    List<Column> fields = new ArrayList<>();
    for (StructField field : BronzeSchemas.of(stream).fields()) {
      fields.add(bronzeField(field.name(), text).cast(field.dataType()).as(field.name()));
    }
    return out.withColumn("record", struct(fields.toArray(Column[]::new))).drop("_cleaned");
  }

  private Column bronzeField(String name, Optional<String> text) {
    if (text.isPresent() && name.equals(text.get())) {
      return col("_cleaned.text");
    }
    if (text.isPresent() && name.equals("raw_" + text.get())) {
      return col("record." + text.get());
    }
    return switch (name) {
      case "links" -> col("_cleaned.links");
      case "ingested_at" -> current_timestamp();
      case CanonicalSchemas.EVENT_DATE -> to_date(col("record." + stream.eventTimeColumn()));
      default -> col("record." + name);
    };
  }

  /**
   * Inserts the bronze rows whose key is not in the table yet, looking through the whole table.
   * For loads of history, which may hold any day. {@code bronzeRows} should be materialized
   * ({@code localCheckpoint}): see {@link #insertNewBatch}.
   *
   * @return the number of rows inserted
   */
  public long insertNew(Dataset<Row> bronzeRows) {
    createIfMissing(bronzeRows.sparkSession());
    DeltaTable table = DeltaTable.forPath(bronzeRows.sparkSession(), path);
    long versionBefore = latestVersion(table);
    merge(bronzeRows, Optional.empty(), Optional.empty());
    return insertedSince(table, versionBefore);
  }

  /**
   * Inserts a micro-batch's bronze rows whose key is not stored on {@code storedFrom} or later.
   * The commit carries {@code batch} as its {@code userMetadata}, with a label unique per
   * micro-batch: a batch redone after a crash that came after its MERGE inserts nothing the second
   * time, and the label finds the first run's commit, so the batch's metrics are still those of
   * the rows it wrote.
   *
   * <p>{@code bronzeRows} should be materialized ({@code localCheckpoint}): Delta plans the MERGE
   * from the source's logical plan, so a cached parse upstream is not used, and the optimizer
   * pushes the validation filter below the JSON parse, which then runs once per rule that reads
   * the record (a 50,000-engagement batch took twice as long).
   *
   * @param storedFrom the earliest event day on which a stored copy of these rows can be: the
   *     watermark's day, since every row of the batch is on time and a re-delivered message keeps
   *     its event time. It bounds the MERGE to the recent partitions instead of the whole table,
   *     so a batch costs the same on the first day and after a year. Empty: the whole table.
   * @return the rows this batch inserted, in this run or in the run a crash cut short, and
   *     whether a commit of the batch holds them (a MERGE that inserts nothing commits nothing)
   */
  public BatchInsert insertNewBatch(Dataset<Row> bronzeRows, BatchCommitInfo batch, Optional<LocalDate> storedFrom) {
    merge(bronzeRows, Optional.of(batch.toJson()), storedFrom);
    return insertedBy(DeltaTable.forPath(bronzeRows.sparkSession(), path), batch.label());
  }

  private void merge(Dataset<Row> bronzeRows, Optional<String> commitMetadata, Optional<LocalDate> storedFrom) {
    SparkSession spark = bronzeRows.sparkSession();
    createIfMissing(spark);
    Dataset<Row> distinct = bronzeRows.dropDuplicates(stream.keyColumns().toArray(String[]::new));
    List<String> conditions = new ArrayList<>();
    // A predicate on the target alone: Delta reads only the partitions it lets through.
    storedFrom.ifPresent(day -> conditions.add("t." + CanonicalSchemas.EVENT_DATE + " >= DATE'" + day + "'"));
    stream.keyColumns().forEach(key -> conditions.add("t." + key + " = s." + key));
    // A streaming query runs on its own clone of the session, so this metadata stays its own.
    commitMetadata.ifPresent(metadata -> spark.conf().set(COMMIT_LABEL_KEY, metadata));
    try {
      DeltaTable.forPath(spark, path).as("t")
          .merge(distinct.as("s"), String.join(" AND ", conditions))
          .whenNotMatched().insertAll()
          .execute();
    } finally {
      commitMetadata.ifPresent(metadata -> spark.conf().unset(COMMIT_LABEL_KEY));
    }
  }

  /** The keys of the stored records whose event day is not after {@code time}'s day. */
  public Dataset<Row> keysUpTo(SparkSession spark, Timestamp time) {
    createIfMissing(spark);
    return spark.read().format("delta").load(path)
        .where(col(CanonicalSchemas.EVENT_DATE).leq(to_date(lit(time))))
        .select(stream.keyColumns().stream().map(functions::col).toArray(Column[]::new));
  }

  public void createIfMissing(SparkSession spark) {
    creation.ensure(spark);
  }

  public String path() {
    return path;
  }

  private static long latestVersion(DeltaTable table) {
    return table.history(1).select("version").first().getLong(0);
  }

  /**
   * What the MERGE labelled {@code commitLabel} inserted; nothing if there is none (a MERGE that
   * inserts nothing commits nothing). Usually the latest commit; else a run a crash cut short, or a
   * commit of another writer came after it.
   */
  private static BatchInsert insertedBy(DeltaTable table, String commitLabel) {
    Row latest = table.history(1).select("operation", "userMetadata", "operationMetrics").first();
    if ("MERGE".equals(latest.getString(0)) && commitLabel.equals(BatchCommitInfo.labelOf(latest.getString(1)))) {
      return insertOf(latest);
    }
    // Few rows (RECENT_COMMITS at most): the label is read on the driver, where it is parsed.
    for (Row row : table.history(RECENT_COMMITS).where(col("operation").equalTo("MERGE"))
        .select("operation", "userMetadata", "operationMetrics").collectAsList()) {
      if (commitLabel.equals(BatchCommitInfo.labelOf(row.getString(1)))) {
        return insertOf(row);
      }
    }
    return BatchInsert.NOTHING;
  }

  /** A commit (operation, userMetadata, operationMetrics) of a micro-batch as its insert. */
  private static BatchInsert insertOf(Row commit) {
    // A commit of an earlier version carried its bare label: no batch time, its metrics row is written apart.
    Optional<Instant> batchTime = BatchCommitInfo.parse(commit.getString(1)).map(BatchCommitInfo::batchTime);
    return new BatchInsert(insertedRows(commit.getJavaMap(2)), batchTime);
  }

  /** Rows the MERGE after {@code versionBefore} inserted; a MERGE that inserts nothing commits nothing. */
  private static long insertedSince(DeltaTable table, long versionBefore) {
    Row last = table.history(1).select("version", "operation", "operationMetrics").first();
    if (last.getLong(0) == versionBefore || !"MERGE".equals(last.getString(1))) {
      return 0;
    }
    return insertedRows(last.getJavaMap(2));
  }

  static long insertedRows(Map<String, String> mergeMetrics) {
    return Long.parseLong(mergeMetrics.getOrDefault("numTargetRowsInserted", "0"));
  }
}
