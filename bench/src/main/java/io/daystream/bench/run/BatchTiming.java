package io.daystream.bench.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * One micro-batch as Spark reported it.
 *
 * @param rows Kafka offsets the batch consumed (end minus start offset, over all partitions)
 * @param durationMs the batch's wall time, start of the trigger to its commit (Spark's {@code batchDuration})
 */
public record BatchTiming(long batchId, long rows, long durationMs) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Rows come from the source offsets, not {@code numInputRows}: Spark adds up the Kafka scan's
   * row count over every action on the batch, so a {@code foreachBatch} that reads its batch
   * twice (Daystream counts, then merges) reports twice the rows.
   */
  static BatchTiming of(StreamingQueryProgress progress) {
    long rows = 0;
    for (SourceProgress source : progress.sources()) {
      rows += offsetSum(source.endOffset()) - offsetSum(source.startOffset());
    }
    return new BatchTiming(progress.batchId(), rows, progress.batchDuration());
  }

  /**
   * The sum of a Kafka source offset's partition offsets, {@code {"topic":{"0":120,"1":98}}}. The
   * first batch has no start offset: it starts at the earliest, 0 on the benchmark's new topic.
   */
  private static long offsetSum(String offsetJson) {
    if (offsetJson == null) {
      return 0;
    }
    try {
      long sum = 0;
      for (JsonNode partitions : JSON.readTree(offsetJson)) {
        for (JsonNode offset : partitions) {
          sum += offset.asLong();
        }
      }
      return sum;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a Kafka source offset: " + offsetJson, e);
    }
  }
}
