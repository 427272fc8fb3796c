package io.daystream.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.bench.run.BatchTiming;
import io.daystream.bench.run.RunResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one benchmark run as a Markdown table and as JSON. The last round is the result;
 * earlier rounds warmed the JIT and Spark up and are listed too.
 */
public final class BenchmarkReport {

  /** Daystream may cost at most this share of the bare pipeline's throughput (issue 4). */
  public static final double GOAL_MAX_COST = 0.30;
  public static final String BARE = "spark-append";
  public static final String DAYSTREAM = "daystream";
  /** Exactly-once by key and nothing else: what Daystream's other work is measured against. */
  public static final String EXACTLY_ONCE = "spark-merge-by-day";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchmarkSetup setup;
  private final List<RunResult> runs;
  private final Map<String, String> descriptions;

  /** @param descriptions what each variant does, by variant name, in the order to show them */
  public BenchmarkReport(BenchmarkSetup setup, List<RunResult> runs, Map<String, String> descriptions) {
    this.setup = setup;
    this.runs = List.copyOf(runs);
    this.descriptions = new LinkedHashMap<>(descriptions);
  }

  /** Writes {@code ingestion-<UTC date and time>.md} and {@code .json} into {@code folder}; returns the Markdown file. */
  public Path writeTo(Path folder) {
    return ResultFiles.write(folder, "ingestion", setup.startedAt(), markdown(), json());
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Ingestion benchmark, ").append(setup.startedAt()).append("\n\n");
    md.append(String.format(Locale.ROOT,
        "Machine: %d cores, %s, max heap %d MB, %s; Spark %s `%s`, %d shuffle partitions; embedded KRaft broker in the same JVM. "
            + "Load average (1 min) %s before, %s after: other processes shared the cores.%n%n",
        setup.cores(), setup.java(), setup.maxHeapBytes() / (1024 * 1024), setup.os(), setup.sparkVersion(),
        setup.sparkMaster(), setup.shufflePartitions(), setup.loadBefore(), setup.loadAfter()));
    md.append(String.format(Locale.ROOT,
        "Data: %,d %s messages (%.0f bytes of JSON on average) on topic `%s`, %d partitions, produced once in %.1f s. "
            + "maxOffsetsPerTrigger %,d, Trigger.AvailableNow. %s "
            + "Rounds: %d; every variant runs once per round, in the order below; the last round is the result, the "
            + "earlier ones are warm-up.%n%n",
        setup.messages(), setup.stream(), setup.averageValueBytes(), setup.topic(), setup.partitions(),
        setup.produceMs() / 1000.0, setup.maxOffsetsPerTrigger(), startingTable(), setup.rounds()));
    if (!setup.overrides().isEmpty()) {
      md.append("Configuration overrides (`--set`): ")
          .append(String.join(", ", setup.overrides().stream().map(o -> "`" + o + "`").toList())).append("\n\n");
    }
    md.append("## Result (round ").append(setup.rounds()).append(")\n\n");
    table(md, lastRound(), false);
    md.append('\n').append(verdict()).append("\n\n");
    md.append("Sustained rows/s: rows of the batches after the first / the sum of their durations (Spark's "
        + "`batchDuration`); the first batch pays for planning and the first commit. Wall rows/s: all rows / time "
        + "from the query's start to its end. The consumer has no batches: its figure is wall time from connecting "
        + "to the last record.\n\n");
    md.append("## Variants\n\n");
    descriptions.forEach((name, what) -> md.append("- `").append(name).append("`: ").append(what).append('\n'));
    md.append("\n## Every round\n\n");
    table(md, runs, true);
    md.append("\n## Batch durations (ms)\n\n");
    for (RunResult run : runs) {
      if (run.isStreaming()) {
        md.append("- ").append(run.variant()).append(", round ").append(run.round()).append(": ")
            .append(run.batches().stream().map(b -> String.valueOf(b.durationMs())).toList()).append('\n');
      }
    }
    return md.toString();
  }

  private String startingTable() {
    if (setup.storedRows() == 0) {
      return "Each run starts from an empty output table and checkpoint.";
    }
    return String.format(Locale.ROOT, "Each run starts from an empty checkpoint and an output table that already "
        + "holds %,d rows on 60 event days before the messages' (not timed; rows written excludes them).",
        setup.storedRows());
  }

  /** Daystream's sustained throughput as a share of the bare pipeline's, in the last round. */
  public Optional<Double> daystreamShareOfBare() {
    Optional<RunResult> bare = last(BARE);
    Optional<RunResult> daystream = last(DAYSTREAM);
    if (bare.isEmpty() || daystream.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(daystream.get().sustainedRowsPerSecond() / bare.get().sustainedRowsPerSecond());
  }

  private String verdict() {
    Optional<Double> share = daystreamShareOfBare();
    if (share.isEmpty()) {
      return "Daystream against the bare pipeline: not measured (both variants must run).";
    }
    double wallShare = last(DAYSTREAM).get().wallRowsPerSecond() / last(BARE).get().wallRowsPerSecond();
    double cost = 1 - share.get();
    String verdict = String.format(Locale.ROOT,
        "**Daystream: %.0f %% of the bare pipeline's sustained throughput (%.0f %% on wall time), a cost of %.0f %%; "
            + "goal: at most %.0f %%, %s.**",
        100 * share.get(), 100 * wallShare, 100 * cost, 100 * GOAL_MAX_COST, cost <= GOAL_MAX_COST ? "met" : "not met");
    return verdict + last(EXACTLY_ONCE)
        .map(mergeOnly -> String.format(Locale.ROOT, " Daystream against `%s` (exactly-once alone, no validation, "
                + "cleaning or metrics): %.0f %%.",
            EXACTLY_ONCE, 100 * last(DAYSTREAM).get().sustainedRowsPerSecond() / mergeOnly.sustainedRowsPerSecond()))
        .orElse("");
  }

  private void table(StringBuilder md, List<RunResult> rows, boolean withRound) {
    md.append(withRound ? "| round " : "").append(
        "| variant | rows read | rows written | sustained rows/s | wall rows/s | wall s | batches | batch median ms | batch p95 ms | first batch ms |\n");
    md.append(withRound ? "|---" : "").append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunResult run : rows) {
      if (withRound) {
        md.append("| ").append(run.round()).append(' ');
      }
      md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,.0f | %,.0f | %.1f | %s | %s | %s | %s |%n",
          run.variant(), run.rowsRead(), run.rowsWritten() < 0 ? "–" : String.format(Locale.ROOT, "%,d", run.rowsWritten()),
          run.sustainedRowsPerSecond(), run.wallRowsPerSecond(), run.wallMs() / 1000.0,
          run.isStreaming() ? run.batches().size() : "–",
          run.isStreaming() ? run.medianBatchMs() : "–",
          run.isStreaming() ? run.p95BatchMs() : "–",
          run.isStreaming() ? run.firstBatchMs() : "–"));
    }
  }

  private ObjectNode json() {
    ObjectNode root = JSON.createObjectNode()
        .put("startedAt", setup.startedAt().toString())
        .put("cores", setup.cores())
        .put("java", setup.java())
        .put("maxHeapBytes", setup.maxHeapBytes())
        .put("os", setup.os())
        .put("sparkVersion", setup.sparkVersion())
        .put("sparkMaster", setup.sparkMaster())
        .put("shufflePartitions", setup.shufflePartitions())
        .put("stream", setup.stream())
        .put("topic", setup.topic())
        .put("partitions", setup.partitions())
        .put("messages", setup.messages())
        .put("averageValueBytes", Math.round(setup.averageValueBytes()))
        .put("produceMs", setup.produceMs())
        .put("maxOffsetsPerTrigger", setup.maxOffsetsPerTrigger())
        .put("storedRows", setup.storedRows())
        .put("overrides", String.join(",", setup.overrides()))
        .put("rounds", setup.rounds())
        .put("loadAverageBefore", setup.loadBefore())
        .put("loadAverageAfter", setup.loadAfter());
    root.put("goalMaxCost", GOAL_MAX_COST);
    daystreamShareOfBare().ifPresent(share -> {
      root.put("daystreamShareOfBareSustained", share);
      root.put("goalMet", 1 - share <= GOAL_MAX_COST);
    });
    ObjectNode variants = root.putObject("variants");
    descriptions.forEach(variants::put);
    ArrayNode array = root.putArray("runs");
    for (RunResult run : runs) {
      ObjectNode node = array.addObject()
          .put("variant", run.variant())
          .put("round", run.round())
          .put("rowsRead", run.rowsRead())
          .put("rowsWritten", run.rowsWritten())
          .put("wallMs", run.wallMs())
          .put("wallRowsPerSecond", Math.round(run.wallRowsPerSecond()))
          .put("sustainedRowsPerSecond", Math.round(run.sustainedRowsPerSecond()));
      if (run.isStreaming()) {
        node.put("batchMedianMs", run.medianBatchMs()).put("batchP95Ms", run.p95BatchMs());
        ArrayNode batches = node.putArray("batches");
        for (BatchTiming batch : run.batches()) {
          batches.addObject().put("batchId", batch.batchId()).put("rows", batch.rows()).put("durationMs", batch.durationMs());
        }
      }
    }
    return root;
  }

  private List<RunResult> lastRound() {
    return runs.stream().filter(run -> run.round() == setup.rounds()).toList();
  }

  private Optional<RunResult> last(String variant) {
    return lastRound().stream().filter(run -> run.variant().equals(variant)).findFirst();
  }
}
