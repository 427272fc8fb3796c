package io.daystream.ingestion.quarantine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.TableCreation;
import io.daystream.datasets.load.Reject;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The dead-letter table: every rejected message with its raw bytes, the reason, and where it came
 * from, so it can be inspected and replayed. Like Kafka Connect's dead-letter queue.
 */
public final class Quarantine {

  public static final StructType SCHEMA = new StructType()
      .add("stream", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("topic", DataTypes.StringType)
      .add("partition", DataTypes.IntegerType)
      .add("offset", DataTypes.LongType)
      .add("file", DataTypes.StringType)
      .add("line", DataTypes.LongType)
      .add("raw_key", DataTypes.BinaryType)
      .add("raw_value", DataTypes.BinaryType)
      .add("reason", DataTypes.StringType, false)
      .add("ingested_at", DataTypes.TimestampType, false);

  private final String path;
  private final TableCreation creation;

  public Quarantine(String path) {
    this.path = path;
    this.creation = new TableCreation(path, SCHEMA);
  }

  /**
   * Appends rejected Kafka messages (columns key, value, topic, partition, offset, reason).
   * {@code txnAppId}/{@code txnVersion} make a replayed micro-batch a no-op instead of a duplicate.
   */
  public void appendKafkaRejects(Dataset<Row> rejected, String stream, String txnAppId, long txnVersion) {
    createIfMissing(rejected.sparkSession());
    rejected.select(
            lit(stream).as("stream"),
            lit("kafka").as("source"),
            col("topic"),
            col("partition"),
            col("offset"),
            lit(null).cast(DataTypes.StringType).as("file"),
            lit(null).cast(DataTypes.LongType).as("line"),
            col("key").as("raw_key"),
            col("value").as("raw_value"),
            col("reason"),
            current_timestamp().as("ingested_at"))
        .write()
        .format("delta")
        .mode("append")
        .option("txnAppId", txnAppId)
        .option("txnVersion", txnVersion)
        .save(path);
  }

  /**
   * Appends the rows a file loader could not read, with their file and line.
   *
   * @return how many were appended
   */
  public long appendFileRejects(SparkSession spark, String format, List<Reject> rejects, String txnAppId) {
    if (rejects.isEmpty()) {
      return 0;
    }
    createIfMissing(spark);
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = rejects.stream()
        .map(r -> RowFactory.create(format, "file", null, null, null, r.file(), r.line(), null,
            r.raw() == null ? null : r.raw().getBytes(StandardCharsets.UTF_8), r.reason(), now))
        .toList();
    spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("append")
        .option("txnAppId", txnAppId + "/loader").option("txnVersion", 0L).save(path);
    return rejects.size();
  }

  /**
   * Appends file records that failed validation (columns value, topic, offset, reason): a row's
   * {@code topic} is written as its {@code file} ({@code file} when the topic is null) and its
   * {@code offset} as its {@code line}, the line of the source file where the record starts.
   */
  public void appendFileMessageRejects(Dataset<Row> rejected, String stream, String file, String txnAppId) {
    createIfMissing(rejected.sparkSession());
    rejected.select(
            lit(stream).as("stream"),
            lit("file").as("source"),
            lit(null).cast(DataTypes.StringType).as("topic"),
            lit(null).cast(DataTypes.IntegerType).as("partition"),
            lit(null).cast(DataTypes.LongType).as("offset"),
            coalesce(col("topic"), lit(file)).as("file"),
            col("offset").cast(DataTypes.LongType).as("line"),
            lit(null).cast(DataTypes.BinaryType).as("raw_key"),
            col("value").as("raw_value"),
            col("reason"),
            current_timestamp().as("ingested_at"))
        .write()
        .format("delta")
        .mode("append")
        .option("txnAppId", txnAppId)
        .option("txnVersion", 0L)
        .save(path);
  }

  public void createIfMissing(SparkSession spark) {
    creation.ensure(spark);
  }

  public String path() {
    return path;
  }
}
