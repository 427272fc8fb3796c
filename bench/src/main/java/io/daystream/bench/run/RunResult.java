package io.daystream.bench.run;

import java.util.Arrays;
import java.util.List;

/**
 * What one variant did in one round.
 *
 * @param rowsRead messages the variant read from the topic
 * @param rowsWritten rows in its output table afterwards; -1 for the consumer, which writes nothing
 * @param wallMs from the start of the query (or the first poll) until it had read everything
 * @param batches the Spark micro-batches that read rows; empty for the consumer
 */
public record RunResult(String variant, int round, long rowsRead, long rowsWritten, long wallMs,
    List<BatchTiming> batches) {

  public RunResult {
    batches = List.copyOf(batches);
  }

  /** Rows read per second of wall time, query start-up and first batch included. */
  public double wallRowsPerSecond() {
    return perSecond(rowsRead, wallMs);
  }

  /**
   * Rows per second of batch time once the first batch is done: the first batch of a query pays
   * for planning, class loading and the first Delta commit, and would dominate a short run.
   * Equal to the wall figure when there is a single batch.
   */
  public double sustainedRowsPerSecond() {
    if (batches.size() < 2) {
      return wallRowsPerSecond();
    }
    List<BatchTiming> later = batches.subList(1, batches.size());
    return perSecond(later.stream().mapToLong(BatchTiming::rows).sum(),
        later.stream().mapToLong(BatchTiming::durationMs).sum());
  }

  public boolean isStreaming() {
    return !batches.isEmpty();
  }

  public long medianBatchMs() {
    return percentile(0.50);
  }

  public long p95BatchMs() {
    return percentile(0.95);
  }

  public long firstBatchMs() {
    return batches.isEmpty() ? 0 : batches.get(0).durationMs();
  }

  /** Nearest-rank percentile of the batch durations; with few batches, p95 is the slowest. */
  private long percentile(double p) {
    if (batches.isEmpty()) {
      return 0;
    }
    long[] sorted = batches.stream().mapToLong(BatchTiming::durationMs).sorted().toArray();
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private static double perSecond(long rows, long millis) {
    return millis <= 0 ? 0 : rows * 1000.0 / millis;
  }

  @Override
  public String toString() {
    return variant + " round " + round + ": " + rowsRead + " rows in " + wallMs + " ms, batches "
        + Arrays.toString(batches.stream().mapToLong(BatchTiming::durationMs).toArray());
  }
}
