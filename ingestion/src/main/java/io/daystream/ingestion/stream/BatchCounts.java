package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.daystream.ingestion.watermark.LateRecords;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a parsed micro-batch holds, counted in one pass: every message, the valid ones, the valid
 * ones behind the watermark, and the latest valid event time of each Kafka partition. One Spark
 * job instead of one per figure, because on small batches each job's fixed cost dominates.
 *
 * @param latestEventTimeByPartition partitions that delivered no valid record are absent
 */
public record BatchCounts(long input, long valid, long late, Map<Integer, Instant> latestEventTimeByPartition) {

  public BatchCounts {
    latestEventTimeByPartition = Map.copyOf(latestEventTimeByPartition);
  }

  public long invalid() {
    return input - valid;
  }

  public long onTime() {
    return valid - late;
  }

  /** Counts {@code parsed} (columns {@code partition}, {@code record} and {@code reason}, null when valid). */
  public static BatchCounts of(Dataset<Row> parsed, IngestedStream stream, Optional<Timestamp> lateBefore) {
    Column isValid = col("reason").isNull();
    Column eventTime = col("record." + stream.eventTimeColumn()).cast("timestamp");
    Column isLate = lateBefore.map(t -> isValid.and(LateRecords.isLate(stream, t))).orElse(lit(false));
    long input = 0;
    long valid = 0;
    long late = 0;
    Map<Integer, Instant> latest = new HashMap<>();
    // One row per partition: a handful, whatever the batch size.
    for (Row row : parsed.groupBy("partition").agg(
            count(lit(1)),
            coalesce(sum(when(isValid, 1L).otherwise(0L)), lit(0L)),
            coalesce(sum(when(isLate, 1L).otherwise(0L)), lit(0L)),
            max(when(isValid, eventTime)))
        .collectAsList()) {
      input += row.getLong(1);
      valid += row.getLong(2);
      late += row.getLong(3);
      if (!row.isNullAt(0) && !row.isNullAt(4)) {
        latest.put(row.getInt(0), row.getTimestamp(4).toInstant());
      }
    }
    return new BatchCounts(input, valid, late, latest);
  }
}
