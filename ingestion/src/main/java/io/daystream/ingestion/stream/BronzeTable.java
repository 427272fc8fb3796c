package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.core.lake.TableCreation;
import io.daystream.ingestion.clean.TextCleaningColumns;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * A stream's bronze Delta table. Records are inserted only when their natural key is new, so a
 * replayed batch, a re-sent message or a re-run backfill never writes a row twice.
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

  /** Valid canonical records (the message fields) in bronze form: cleaned, dated, stamped. */
  public Dataset<Row> toBronze(Dataset<Row> records) {
    Dataset<Row> out = records;
    if (stream.textColumn().isPresent()) {
      String text = stream.textColumn().get();
      out = out
          .withColumn("raw_" + text, col(text))
          .withColumn("_cleaned", TextCleaningColumns.clean(col(text)))
          .withColumn(text, col("_cleaned.text"))
          .withColumn("links", col("_cleaned.links"))
          .drop("_cleaned");
    }
    out = out
        .withColumn("ingested_at", current_timestamp())
        .withColumn(CanonicalSchemas.EVENT_DATE, to_date(col(stream.eventTimeColumn())));
    List<Column> ordered = new ArrayList<>();
    for (StructField field : BronzeSchemas.of(stream).fields()) {
      ordered.add(col(field.name()).cast(field.dataType()).as(field.name()));
    }
    return out.select(ordered.toArray(Column[]::new));
  }

  /**
   * Inserts the bronze rows whose key is not in the table yet.
   *
   * @return the number of rows inserted
   */
  public long insertNew(Dataset<Row> bronzeRows) {
    return insertNew(bronzeRows, Optional.empty());
  }

  /**
   * Inserts the bronze rows whose key is not in the table yet, marking the commit with
   * {@code commitLabel}, unique per micro-batch. A batch redone after a crash that came between
   * its MERGE and its metrics row inserts nothing the second time; the label finds what the
   * first run inserted, so the metrics still say what the batch wrote.
   *
   * @return the number of rows this batch inserted, in this run or in the run a crash cut short
   */
  public long insertNew(Dataset<Row> bronzeRows, Optional<String> commitLabel) {
    SparkSession spark = bronzeRows.sparkSession();
    createIfMissing(spark);
    // Materialized before the MERGE, which otherwise re-plans the whole source: the optimizer
    // pushes the validation filter below the JSON parse and parses each message once per rule
    // that reads it (a 50,000-engagement batch took twice as long). Spark's context cleaner
    // drops the checkpoint's blocks once it is garbage.
    Dataset<Row> source = bronzeRows.localCheckpoint();
    Dataset<Row> distinct = source.dropDuplicates(stream.keyColumns().toArray(String[]::new));
    String condition = stream.keyColumns().stream()
        .map(key -> "t." + key + " = s." + key)
        .collect(Collectors.joining(" AND "));
    DeltaTable table = DeltaTable.forPath(spark, path);
    long versionBefore = latestVersion(table);
    // A streaming query runs on its own clone of the session, so this label stays its own.
    commitLabel.ifPresent(label -> spark.conf().set(COMMIT_LABEL_KEY, label));
    try {
      table.as("t").merge(distinct.as("s"), condition).whenNotMatched().insertAll().execute();
    } finally {
      commitLabel.ifPresent(label -> spark.conf().unset(COMMIT_LABEL_KEY));
    }
    long inserted = insertedSince(table, versionBefore);
    if (inserted == 0 && commitLabel.isPresent()) {
      return insertedEarlier(table, commitLabel.get());
    }
    return inserted;
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

  /** Rows a recent MERGE labelled {@code commitLabel} inserted; 0 if none did. */
  private static long insertedEarlier(DeltaTable table, String commitLabel) {
    List<Row> labelled = table.history(RECENT_COMMITS)
        .where(col("operation").equalTo("MERGE").and(col("userMetadata").equalTo(commitLabel)))
        .select("operationMetrics")
        .collectAsList();
    if (labelled.isEmpty()) {
      return 0;
    }
    Map<String, String> metrics = labelled.get(0).getJavaMap(0);
    return Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0"));
  }

  /** Rows the MERGE after {@code versionBefore} inserted; a MERGE that inserts nothing commits nothing. */
  private static long insertedSince(DeltaTable table, long versionBefore) {
    Row last = table.history(1).select("version", "operation", "operationMetrics").first();
    if (last.getLong(0) == versionBefore || !"MERGE".equals(last.getString(1))) {
      return 0;
    }
    Map<String, String> metrics = last.getJavaMap(2);
    return Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0"));
  }
}
