package io.daystream.app.reliability;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.app.reliability.ReliabilityFeed.Coordinates;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.ingestion.stream.IngestedStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/** Reads what ingestion left in the lake, from the test's own Spark session, after the runs. */
final class LakeContents {

  /**
   * A bronze table against the records it should hold, by content: the message fields of each
   * row (raw text, before cleaning) against the records sent, whose keys are distinct.
   *
   * @param differing contents not held exactly once by both sides: a lost record, a duplicate, a
   *     changed field (a few of them, with how often each side holds them)
   */
  record Comparison(long expected, long rows, long differingCount, List<Row> differing) {

    boolean exact() {
      return rows == expected && differingCount == 0;
    }
  }

  private static final int SAMPLES = 5;

  private final SparkSession spark;
  private final Lake lake;
  private final Path scratch;

  /** @param scratch a folder for the expected records, which Spark reads as a file */
  LakeContents(SparkSession spark, Lake lake, Path scratch) {
    this.spark = spark;
    this.lake = lake;
    this.scratch = scratch;
  }

  /**
   * Asserts that ingesting {@code feed} left exactly what it should: each bronze table holds the
   * distinct good records sent, as sent, once; each damaged message is quarantined once; each
   * batch a query committed has one metrics row, and the rows the metrics say were written add up
   * to the table, also when a batch was redone after a kill between its MERGE and its metrics row.
   */
  void assertHoldsExactly(ReliabilityFeed feed, String label) {
    for (IngestedStream stream : feed.streams()) {
      Comparison comparison = compare(stream, feed.expectedRecords(stream).values());
      System.out.printf("%s: %s: %s%n", label, stream.streamName(), comparison);
      assertTrue(comparison.exact(), stream + " holds each good record sent, once, as sent: " + comparison);

      String query = "ingest-" + stream.streamName();
      List<Long> committed = List.copyOf(new QueryCheckpoint(Path.of(lake.checkpoint(query))).committed());
      assertEquals(committed, metricsBatchIds(query), stream + ": one metrics row per committed batch");
      assertEquals(comparison.rows(), writtenRows(query), stream + ": the metrics' written rows add up to the table");
    }
    List<Coordinates> quarantined = quarantinedKafkaMessages();
    System.out.printf("%s: quarantine %,d messages: %s%n", label, quarantined.size(), quarantineReasons());
    assertEquals(quarantined.size(), new HashSet<>(quarantined).size(), "no message quarantined twice");
    assertEquals(feed.damagedCoordinates(), new HashSet<>(quarantined), "exactly the damaged messages quarantined");
  }

  private Comparison compare(IngestedStream stream, Collection<String> expectedJson) {
    // A file rather than a local collection: 100,000 records in a task are tens of MB per stage.
    Path expectedFile = scratch.resolve("expected-" + stream.streamName() + ".jsonl");
    try {
      Files.createDirectories(scratch);
      Files.write(expectedFile, expectedJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dataset<Row> expected = spark.read()
        .schema(stream.messageSchema())
        .option("mode", "FAILFAST")
        .json(expectedFile.toString());
    // One grouping over both sides, each content counted per side: one shuffle instead of two
    // set differences, which matters on a busy two-core machine.
    Column[] fields = Arrays.stream(stream.messageSchema().fieldNames()).map(f -> col(f)).toArray(Column[]::new);
    Dataset<Row> bySides = expected.withColumn("in_expected", lit(1L)).withColumn("in_lake", lit(0L))
        .unionByName(messageFields(stream).withColumn("in_expected", lit(0L)).withColumn("in_lake", lit(1L)))
        .groupBy(fields)
        .agg(sum("in_expected").as("in_expected"), sum("in_lake").as("in_lake"))
        .cache();
    try {
      Row totals = bySides.agg(sum("in_expected"), sum("in_lake"),
          sum(when(col("in_expected").equalTo(1).and(col("in_lake").equalTo(1)), 0).otherwise(1))).first();
      Dataset<Row> differing = bySides.where(col("in_expected").notEqual(1).or(col("in_lake").notEqual(1)));
      return new Comparison(totals.getLong(0), totals.getLong(1), totals.getLong(2),
          differing.limit(SAMPLES).collectAsList());
    } finally {
      bySides.unpersist();
    }
  }

  /** Kafka coordinates of every quarantined message, a message quarantined twice listed twice. */
  private List<Coordinates> quarantinedKafkaMessages() {
    return table(LakeTable.QUARANTINE).where(col("source").equalTo("kafka"))
        .select("topic", "partition", "offset").collectAsList().stream()
        .map(r -> new Coordinates(r.getString(0), r.getInt(1), r.getLong(2)))
        .toList();
  }

  /** Quarantine reasons and how many messages each. */
  private Map<String, Long> quarantineReasons() {
    return table(LakeTable.QUARANTINE).groupBy("reason").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  /** Batch ids in the metrics table for one query, a batch recorded twice listed twice. */
  private List<Long> metricsBatchIds(String query) {
    return table(LakeTable.INGESTION_METRICS).where(col("query").equalTo(query)).orderBy("batch_id")
        .select("batch_id").as(Encoders.LONG()).collectAsList();
  }

  /** The rows a query's metrics say its batches wrote, summed. */
  private long writtenRows(String query) {
    Row total = table(LakeTable.INGESTION_METRICS).where(col("query").equalTo(query)).agg(sum("written_rows")).first();
    return total.isNullAt(0) ? 0 : total.getLong(0);
  }

  /** The stream's message fields as stored, the text as it arrived ({@code raw_<text>}). */
  private Dataset<Row> messageFields(IngestedStream stream) {
    Column[] fields = Arrays.stream(stream.messageSchema().fields())
        .map(StructField::name)
        .map(name -> stream.textColumn().filter(name::equals).isPresent() ? col("raw_" + name).as(name) : col(name))
        .toArray(Column[]::new);
    return table(stream.table()).select(fields);
  }

  private Dataset<Row> table(LakeTable table) {
    return spark.read().format("delta").load(lake.path(table));
  }
}
