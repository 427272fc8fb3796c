package io.daystream.bench.score;

import java.util.List;

/**
 * What one offered rate measured.
 *
 * @param offeredPerSecond candidates a second offered
 * @param requests requests sent (warm-up included)
 * @param latencies produce-to-commit seconds of every request sent after the warm-up and scored, sorted
 * @param unscored requests sent after the warm-up and not scored when the drain ended
 * @param sustainedPerSecond candidates committed between the warm-up's end and the offer's end, per second
 * @param backlogAtOfferEnd candidates sent and not yet scored when the offer ended
 * @param drainSeconds from the offer's end until every candidate was scored; negative: not drained
 * @param cpuMicrosPerCandidate process CPU time from the offer's start to the drain's end, per scored candidate
 * @param batches every micro-batch that wrote scores
 */
record RateResult(int offeredPerSecond, int requests, long offeredCandidates, long scoredCandidates,
    List<Double> latencies, int unscored, double sustainedPerSecond, long backlogAtOfferEnd, double drainSeconds,
    double cpuSeconds, double cpuMicrosPerCandidate, List<BatchRow> batches) {

  /** One micro-batch: candidates written, duration, and commit time from the offer's start. */
  record BatchRow(long batchId, long candidates, long millis, double committedAtSeconds) {}

  /** The nearest-rank percentile of the latencies, in seconds; NaN when there are none. */
  double latencyPercentile(double p) {
    if (latencies.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * latencies.size());
    return latencies.get(Math.max(0, rank - 1));
  }

  /** Every candidate scored over the time from the offer's start to the last commit, per second. */
  double overallPerSecond() {
    double last = batches.stream().mapToDouble(BatchRow::committedAtSeconds).max().orElse(0);
    return last <= 0 ? 0 : scoredCandidates / last;
  }

  /** Kept up: committed at least 90 % of the offered rate over the measured span. */
  boolean keptUp() {
    return sustainedPerSecond >= 0.9 * offeredPerSecond;
  }
}
