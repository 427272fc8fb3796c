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
   * The commit carries {@code commitLabel}, unique per micro-batch: a batch redone after a crash
   * that came between its MERGE and its metrics row inserts nothing the second time, and the label
   * finds what the first run inserted, so the metrics still say what the batch wrote.
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
   * @return the number of rows this batch inserted, in this run or in the run a crash cut short
   */
  public long insertNewBatch(Dataset<Row> bronzeRows, String commitLabel, Optional<LocalDate> storedFrom) {
    merge(bronzeRows, Optional.of(commitLabel), storedFrom);
    return insertedBy(DeltaTable.forPath(bronzeRows.sparkSession(), path), commitLabel);
  }

  private void merge(Dataset<Row> bronzeRows, Optional<String> commitLabel, Optional<LocalDate> storedFrom) {
    SparkSession spark = bronzeRows.sparkSession();
    createIfMissing(spark);
    Dataset<Row> distinct = bronzeRows.dropDuplicates(stream.keyColumns().toArray(String[]::new));
    List<String> conditions = new ArrayList<>();
    // A predicate on the target alone: Delta reads only the partitions it lets through.
    storedFrom.ifPresent(day -> conditions.add("t." + CanonicalSchemas.EVENT_DATE + " >= DATE'" + day + "'"));
    stream.keyColumns().forEach(key -> conditions.add("t." + key + " = s." + key));
    // A streaming query runs on its own clone of the session, so this label stays its own.
    commitLabel.ifPresent(label -> spark.conf().set(COMMIT_LABEL_KEY, label));
    try {
      DeltaTable.forPath(spark, path).as("t")
          .merge(distinct.as("s"), String.join(" AND ", conditions))
          .whenNotMatched().insertAll()
          .execute();
    } finally {
      commitLabel.ifPresent(label -> spark.conf().unset(COMMIT_LABEL_KEY));
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
   * Rows the MERGE labelled {@code commitLabel} inserted; 0 if there is none (a MERGE that inserts
   * nothing commits nothing). Usually the latest commit; else a run a crash cut short, or a commit
   * of another writer came after it.
   */
  private static long insertedBy(DeltaTable table, String commitLabel) {
    Row latest = table.history(1).select("operation", "userMetadata", "operationMetrics").first();
    if ("MERGE".equals(latest.getString(0)) && commitLabel.equals(latest.getString(1))) {
      return insertedRows(latest.getJavaMap(2));
    }
    List<Row> labelled = table.history(RECENT_COMMITS)
        .where(col("operation").equalTo("MERGE").and(col("userMetadata").equalTo(commitLabel)))
        .select("operationMetrics")
        .collectAsList();
    return labelled.isEmpty() ? 0 : insertedRows(labelled.get(0).getJavaMap(0));
  }

  /** Rows the MERGE after {@code versionBefore} inserted; a MERGE that inserts nothing commits nothing. */
  private static long insertedSince(DeltaTable table, long versionBefore) {
    Row last = table.history(1).select("version", "operation", "operationMetrics").first();
    if (last.getLong(0) == versionBefore || !"MERGE".equals(last.getString(1))) {
      return 0;
    }
    return insertedRows(last.getJavaMap(2));
  }

  private static long insertedRows(Map<String, String> mergeMetrics) {
    return Long.parseLong(mergeMetrics.getOrDefault("numTargetRowsInserted", "0"));
  }
}
