package io.daystream.bench.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.core.config.DaystreamConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The score benchmark's results as Markdown and JSON. */
final class ScoreReport {

  /** The goal: p99 under 2 s at 5,000 candidates a second. */
  private static final int GOAL_RATE = 5_000;
  private static final double GOAL_P99_SECONDS = 2.0;

  private ScoreReport() {}

  static String rateLine(RateResult r) {
    return String.format(Locale.ROOT, "  %,d/s offered: %,.0f/s sustained, p50 %.1f s, p95 %.1f s, p99 %.1f s, "
            + "backlog at offer end %,d, %d batches, %.0f µs CPU per candidate%n", r.offeredPerSecond(),
        r.sustainedPerSecond(), r.latencyPercentile(50), r.latencyPercentile(95), r.latencyPercentile(99),
        r.backlogAtOfferEnd(), r.batches().size(), r.cpuMicrosPerCandidate());
  }

  static String markdown(String command, String loadBefore, String loadAfter, DaystreamConfig config,
      List<RateResult> results, ScoreJobBench.BatchJobResult batch, int warmup, int seconds, String trigger,
      int perRequest) {
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# The score job under load%n%n`%s`%n%n"
            + "%d cores, %s %s, `-Xmx` %d MB, Spark `%s`, broker in the same JVM; load average %s before, %s after. "
            + "Each rate: %d s warm-up + %d s measured, %d candidates per request, trigger %s, its own job, "
            + "checkpoint and topic on the same lake (`%s`). Latency: produce time of a request (sent after the "
            + "warm-up) to the Delta commit of the `scores` version holding its rows (the commit file's time, as "
            + "`DESCRIBE HISTORY` shows it). Sustained: candidates committed between the warm-up's end and the "
            + "offer's end, per second; overall: every scored candidate over the offer's start to the last commit. CPU: the process (Spark, broker, producer) from the offer's start to the "
            + "drain's end, per scored candidate.%n%n",
        command, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, config.spark().master(),
        loadBefore, loadAfter, warmup, seconds, perRequest, trigger, config.lake().root()));
    md.append("| offered cand/s | requests | sustained cand/s | overall cand/s | p50 s | p95 s | p99 s | not scored | backlog at "
        + "offer end | drained after s | batches | median batch cand | median batch s | CPU µs/cand |\n"
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RateResult r : results) {
      md.append(String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %,d | %,d | %s | %d | %,d | "
              + "%.1f | %.0f |%n", r.offeredPerSecond(), r.requests(), r.sustainedPerSecond(), r.overallPerSecond(), r.latencyPercentile(50),
          r.latencyPercentile(95), r.latencyPercentile(99), r.unscored(), r.backlogAtOfferEnd(),
          r.drainSeconds() < 0 ? "not drained" : String.format(Locale.ROOT, "%.1f", r.drainSeconds()),
          r.batches().size(), medianCandidates(r), medianMillis(r) / 1e3, r.cpuMicrosPerCandidate()));
    }
    md.append("\nBatches (id: candidates, duration s, committed at s from the offer's start):\n\n");
    for (RateResult r : results) {
      md.append(String.format(Locale.ROOT, "- %,d/s: %s%n", r.offeredPerSecond(), r.batches().stream()
          .map(b -> String.format(Locale.ROOT, "%d: %,d, %s s, @%.1f", b.batchId(), b.candidates(),
              b.millis() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", b.millis() / 1e3), b.committedAtSeconds()))
          .collect(Collectors.joining("; "))));
    }
    md.append(String.format(Locale.ROOT, "%nOne batch job (`Trigger.AvailableNow` over a topic filled first) on "
            + "%,d requests (%,d candidates, the largest rate's count): %d batch(es), %.1f s, %,.0f candidates/s, "
            + "%.0f µs CPU per candidate.%n", batch.requests(), batch.candidates(), batch.batches(), batch.seconds(),
        batch.candidates() / batch.seconds(), batch.cpuSeconds() * 1e6 / Math.max(1, batch.candidates())));
    Optional<RateResult> saturated = results.stream().filter(r -> !r.keptUp()).findFirst();
    double best = results.stream().mapToDouble(RateResult::sustainedPerSecond).max().orElse(0);
    md.append(String.format(Locale.ROOT, "%nSaturation: %s; the most sustained here %,.0f candidates/s.%n",
        saturated.map(r -> String.format(Locale.ROOT, "falls behind from %,d candidates/s on (committed %,.0f/s, "
            + "under 90 %% of the offer)", r.offeredPerSecond(), r.sustainedPerSecond()))
            .orElse("kept up (90 % of the offer or more) at every rate run"), best));
    Optional<RateResult> goal = results.stream().filter(r -> r.offeredPerSecond() == GOAL_RATE).findFirst();
    md.append(goal.map(r -> String.format(Locale.ROOT, "%nGoal, p99 under %.0f s at %,d candidates/s on 2 cores: "
            + "**%s** (p99 %.1f s%s).%n", GOAL_P99_SECONDS, GOAL_RATE,
        r.latencyPercentile(99) < GOAL_P99_SECONDS && r.unscored() == 0 ? "met" : "not met", r.latencyPercentile(99),
        r.unscored() > 0 ? String.format(Locale.ROOT, ", %,d measured requests not scored at all", r.unscored()) : ""))
        .orElse(String.format(Locale.ROOT, "%nGoal (p99 under 2 s at %,d candidates/s): not measured in this run.%n",
            GOAL_RATE)));
    return md.toString();
  }

  static ObjectNode json(String command, DaystreamConfig config, List<RateResult> results,
      ScoreJobBench.BatchJobResult batch, int warmup, int seconds, String trigger, int perRequest) {
    ObjectNode root = new ObjectMapper().createObjectNode().put("command", command)
        .put("cores", Runtime.getRuntime().availableProcessors()).put("java", System.getProperty("java.version"))
        .put("spark_master", config.spark().master()).put("warmup_seconds", warmup).put("seconds", seconds)
        .put("trigger", trigger).put("candidates_per_request", perRequest);
    ArrayNode rates = root.putArray("rates");
    for (RateResult r : results) {
      ObjectNode rate = rates.addObject().put("offered_per_second", r.offeredPerSecond())
          .put("requests", r.requests()).put("offered_candidates", r.offeredCandidates())
          .put("scored_candidates", r.scoredCandidates()).put("sustained_per_second", r.sustainedPerSecond())
          .put("overall_per_second", r.overallPerSecond())
          .put("latency_p50_s", r.latencyPercentile(50)).put("latency_p95_s", r.latencyPercentile(95))
          .put("latency_p99_s", r.latencyPercentile(99)).put("latency_max_s", r.latencyPercentile(100))
          .put("measured_requests_scored", r.latencies().size()).put("measured_requests_not_scored", r.unscored())
          .put("backlog_at_offer_end", r.backlogAtOfferEnd()).put("drain_seconds", r.drainSeconds())
          .put("cpu_seconds", r.cpuSeconds()).put("cpu_micros_per_candidate", r.cpuMicrosPerCandidate())
          .put("kept_up", r.keptUp());
      ArrayNode batches = rate.putArray("batches");
      r.batches().forEach(b -> batches.addObject().put("batch_id", b.batchId()).put("candidates", b.candidates())
          .put("millis", b.millis()).put("committed_at_s", b.committedAtSeconds()));
    }
    root.putObject("batch_job").put("requests", batch.requests()).put("candidates", batch.candidates())
        .put("batches", batch.batches()).put("seconds", batch.seconds()).put("cpu_seconds", batch.cpuSeconds());
    return root;
  }

  private static long medianCandidates(RateResult r) {
    List<Long> sorted = r.batches().stream().map(RateResult.BatchRow::candidates).sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static long medianMillis(RateResult r) {
    List<Long> sorted = r.batches().stream().map(RateResult.BatchRow::millis).sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }
}
