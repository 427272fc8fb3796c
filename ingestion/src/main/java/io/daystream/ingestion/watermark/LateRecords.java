package io.daystream.ingestion.watermark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.daystream.ingestion.stream.BronzeTable;
import io.daystream.ingestion.stream.IngestedStream;
import java.sql.Timestamp;
import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sorts a batch's valid messages by the watermark. A late message whose key is already stored is
 * a plain duplicate (a replay, a re-send) and is dropped like any duplicate; a late message with a
 * new key is quarantined, because the days it belongs to may already have been featurized.
 */
public final class LateRecords {

  /** Spark's session time zone is UTC (SparkSessionFactory), so this prints what Instant prints. */
  private static final String ISO_UTC = "yyyy-MM-dd'T'HH:mm:ss'Z'";

  private final IngestedStream stream;
  private final BronzeTable table;
  private final Timestamp lateBefore;
  private final Duration allowedLateness;

  public LateRecords(IngestedStream stream, BronzeTable table, Timestamp lateBefore, Duration allowedLateness) {
    this.stream = stream;
    this.table = table;
    this.lateBefore = lateBefore;
    this.allowedLateness = allowedLateness;
  }

  /** Valid parsed messages (column {@code record}) that are not late. */
  public Dataset<Row> onTime(Dataset<Row> valid) {
    return valid.filter(not(isLate()));
  }

  /** Late messages with a new key, with their {@code reason} set for the quarantine. */
  public Dataset<Row> lateAndNew(Dataset<Row> valid) {
    Dataset<Row> late = valid.filter(isLate());
    Dataset<Row> stored = table.keysUpTo(valid.sparkSession(), lateBefore);
    Column sameKey = null;
    for (String key : stream.keyColumns()) {
      Column equal = col("record." + key).equalTo(stored.col(key));
      sameKey = sameKey == null ? equal : sameKey.and(equal);
    }
    String eventTime = stream.eventTimeColumn();
    return late.join(stored, sameKey, "left_anti")
        .withColumn("reason", concat(
            lit("late: " + eventTime + " "), date_format(col("record." + eventTime).cast("timestamp"), ISO_UTC),
            lit(" is before the watermark " + lateBefore.toInstant() + " (the slowest partition's latest event time minus "
                + allowedLateness.toHours() + " h)")));
  }

  private Column isLate() {
    return isLate(stream, lateBefore);
  }

  /** Whether a parsed message's event time is before {@code lateBefore}. */
  public static Column isLate(IngestedStream stream, Timestamp lateBefore) {
    return col("record." + stream.eventTimeColumn()).cast("timestamp").lt(lit(lateBefore));
  }
}
