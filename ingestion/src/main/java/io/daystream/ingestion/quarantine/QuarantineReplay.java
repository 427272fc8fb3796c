package io.daystream.ingestion.quarantine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.ingestion.stream.BronzeTable;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.ingestion.stream.MessageParser;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Sends quarantined late messages back through the normal path, without the watermark that held
 * them back: parse, validate, clean, then insert into the stream's bronze table only when their
 * natural key is new (the MERGE over the whole table of {@link BronzeTable#insertNew}).
 *
 * <p>Exactly once. The MERGE inserts nothing for a key already stored, so a record lands at most
 * once however often it is replayed. The good replayed messages (landed or already stored) are then
 * removed from the quarantine, one commit per stream (a MERGE that only deletes), only after the
 * bronze MERGE has committed; the removed rows stay readable by Delta time travel until a vacuum. A
 * crash before the MERGE commit changes nothing. A crash between the two commits leaves the
 * messages both in bronze and in the quarantine: the next replay sends them again, the MERGE finds
 * their keys and inserts nothing (they count as already in bronze), and they are removed then.
 * Records that fail validation now stay in the quarantine untouched, with their original reason.
 * Removed rather than marked: a mark would be a new column in the quarantine's schema, which
 * every writer of the quarantine shares, and a message that is in bronze has nothing left to inspect.
 *
 * <p>A quarantine row has no id of its own, so the delete matches a replayed row by all its columns
 * (coordinates, raw bytes, reason, {@code ingested_at}); rows that ingestion appends meanwhile are
 * not touched, though such an append can make Delta refuse the delete as a conflict: the replay
 * then fails after its bronze commit, which is the crash above. A replayed record may belong to a
 * day already featurized or trained on: replaying is the operator's decision to let it in.
 */
public final class QuarantineReplay {

  /** The replay's own row number, carried through the parser in its {@code offset} column. */
  private static final String ROW = "_replay_row";

  private final SparkSession spark;
  private final Lake lake;
  private final int maxTextLength;

  /** @param maxTextLength the longest text a record may hold, as ingestion checks it */
  public QuarantineReplay(SparkSession spark, Lake lake, int maxTextLength) {
    this.spark = spark;
    this.lake = lake;
    this.maxTextLength = maxTextLength;
  }

  /**
   * Replays the selected messages, stream by stream.
   *
   * @return one entry per stream that had selected messages, in stream order; when the selection
   *     names a stream, exactly one entry for it, with zeros if nothing was selected
   */
  public List<ReplayedStream> replay(ReplaySelection selection) {
    Quarantine quarantine = new Quarantine(lake.path(LakeTable.QUARANTINE));
    quarantine.createIfMissing(spark);
    List<IngestedStream> streams = selection.stream().map(List::of)
        .orElseGet(() -> Arrays.asList(IngestedStream.values()));
    // One fixed copy with row numbers: the parse, the counts and the DELETE all see the same rows.
    Dataset<Row> quarantined = spark.read().format("delta").load(quarantine.path())
        .where(col("reason").startsWith(selection.reasonPrefix())
            .and(col("stream").isin(streams.stream().map(IngestedStream::streamName).toArray())))
        .withColumn(ROW, monotonically_increasing_id())
        .localCheckpoint();
    List<ReplayedStream> results = new ArrayList<>();
    for (IngestedStream stream : streams) {
      ReplayedStream result = replayStream(stream, quarantined.where(col("stream").equalTo(stream.streamName())),
          selection, quarantine);
      if (result.replayed() > 0 || selection.stream().isPresent()) {
        results.add(result);
      }
    }
    return results;
  }

  private ReplayedStream replayStream(IngestedStream stream, Dataset<Row> quarantined, ReplaySelection selection,
      Quarantine quarantine) {
    Dataset<Row> messages = quarantined.select(
        col("raw_key").as("key"), col("raw_value").as("value"), col("topic"), col("partition"), col(ROW).as("offset"));
    BronzeTable table = new BronzeTable(stream, lake.path(stream.table()));
    // The normal path with no watermark: parsed, checked and in bronze form, kept for the reads below.
    Dataset<Row> checked = table.withBronzeRecords(MessageParser.parse(messages, stream, maxTextLength))
        .where(selection.covers(col("record." + CanonicalSchemas.EVENT_DATE)))
        .localCheckpoint();
    Row counts = checked.agg(count("*"), sum(when(col("reason").isNull(), 1).otherwise(0))).first();
    long replayed = counts.getLong(0);
    if (replayed == 0) {
      return ReplayedStream.none(stream.streamName());
    }
    long valid = counts.getLong(1);
    SortedMap<String, Long> rejectedReasons = new TreeMap<>();
    checked.where(col("reason").isNotNull()).groupBy("reason").count().collectAsList()
        .forEach(row -> rejectedReasons.put(row.getString(0), row.getLong(1)));
    long landed = 0;
    if (valid > 0) {
      Dataset<Row> good = checked.where(col("reason").isNull());
      landed = table.insertNew(good.select("record.*"));
      // Only after the bronze commit: a crash before this line leaves the rows to the next replay.
      removeFromQuarantine(quarantine, quarantined.join(good.select(col("offset").as(ROW)), ROW, "left_semi"));
    }
    return new ReplayedStream(stream.streamName(), replayed, landed, valid - landed, replayed - valid,
        rejectedReasons);
  }

  /** Deletes the quarantine rows equal, column for column, to {@code replayedRows}. */
  private void removeFromQuarantine(Quarantine quarantine, Dataset<Row> replayedRows) {
    Column sameRow = null;
    for (StructField field : Quarantine.SCHEMA.fields()) {
      Column equal = col("q." + field.name()).eqNullSafe(col("r." + field.name()));
      sameRow = sameRow == null ? equal : sameRow.and(equal);
    }
    DeltaTable.forPath(spark, quarantine.path()).as("q")
        .merge(replayedRows.drop(ROW).dropDuplicates().as("r"), sameRow)
        .whenMatched().delete()
        .execute();
  }
}
