package io.daystream.bench.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.bench.report.ResultFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text benchmark's figures as Markdown and JSON: documents per second of each variant in the
 * last round (earlier rounds warm up), Daystream's share of the baseline, and each stage's cost
 * as the difference between consecutive stage prefixes.
 */
public final class TextBenchmarkReport {

  /** Spark NLP should reach at least this share of the Spark ML baseline's throughput (issue 11). */
  public static final double GOAL_MIN_SHARE = 0.5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Instant startedAt;
  private final Map<String, String> setup;
  private final List<TextVariant> variants;
  private final List<TextRun> runs;
  private final int rounds;

  /** @param setup what was measured on, by label, in the order to show */
  public TextBenchmarkReport(Instant startedAt, Map<String, String> setup, List<TextVariant> variants,
      List<TextRun> runs, int rounds) {
    this.startedAt = startedAt;
    this.setup = setup;
    this.variants = variants;
    this.runs = runs;
    this.rounds = rounds;
  }

  /** Writes {@code text-<UTC date and time>.md} and {@code .json} into {@code folder}; returns the Markdown file. */
  public Path writeTo(Path folder) {
    return ResultFiles.write(folder, "text", startedAt, markdown(), json());
  }

  public String markdown() {
    StringBuilder md = new StringBuilder("# Text featurization benchmark, ").append(startedAt).append("\n\n");
    setup.forEach((label, value) -> md.append("- ").append(label).append(": ").append(value).append('\n'));
    md.append("\nEvery variant transforms the same cached documents and writes them to Spark's `noop` sink (every "
        + "output column computed, nothing stored); the pipelines are fitted before the clock starts. Rounds: ")
        .append(rounds).append("; the last is the result, the earlier ones warm up the JIT.\n\n");
    md.append("## Result (round ").append(rounds).append(")\n\n| variant | docs/s | seconds | share of baseline |\n|---|---:|---:|---:|\n");
    for (TextRun run : lastRound()) {
      md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %s |%n", run.variant(), run.documentsPerSecond(),
          run.millis() / 1000.0, shareOfBaseline(run).map(s -> String.format(Locale.ROOT, "%.2f×", s)).orElse("–")));
    }
    md.append('\n').append(verdict()).append("\n\n## Cost of each Daystream stage\n\n")
        .append("A prefix's time minus the previous prefix's (the first against nothing; HashingTF against the full "
            + "pipeline).\n\n| stage | seconds |\n|---|---:|\n");
    long previous = 0;
    for (TextRun run : lastRound()) {
      if (run.variant().startsWith("prefix-")) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", run.variant().replaceFirst("prefix-\\d+-", ""),
            (run.millis() - previous) / 1000.0));
        previous = run.millis();
      }
    }
    long finished = previous;
    last(TextVariant.DAYSTREAM).ifPresent(full -> md.append(String.format(Locale.ROOT, "| HashingTF | %.2f |%n",
        (full.millis() - finished) / 1000.0)));
    md.append("\n## Variants\n\n");
    variants.forEach(v -> md.append("- `").append(v.name()).append("`: ").append(v.description()).append('\n'));
    md.append("\n## Every round\n\n| round | variant | docs/s | seconds |\n|---:|---|---:|---:|\n");
    runs.forEach(run -> md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f | %.2f |%n", run.round(), run.variant(),
        run.documentsPerSecond(), run.millis() / 1000.0)));
    return md.toString();
  }

  /** Daystream's throughput as a share of the baseline's, last round. */
  public Optional<Double> daystreamShare() {
    return last(TextVariant.DAYSTREAM).flatMap(this::shareOfBaseline);
  }

  private String verdict() {
    return daystreamShare().map(share -> String.format(Locale.ROOT,
            "**Daystream's Spark NLP stages: %.2f× the Spark ML baseline's documents per second; goal at least %.1f×, %s.**",
            share, GOAL_MIN_SHARE, share >= GOAL_MIN_SHARE ? "met" : "not met"))
        .orElse("Daystream against the baseline: not measured (both variants must run).");
  }

  private Optional<Double> shareOfBaseline(TextRun run) {
    return last(TextVariant.BASELINE).map(base -> run.documentsPerSecond() / base.documentsPerSecond());
  }

  private ObjectNode json() {
    ObjectNode root = JSON.createObjectNode().put("startedAt", startedAt.toString()).put("rounds", rounds)
        .put("goalMinShare", GOAL_MIN_SHARE);
    ObjectNode setupNode = root.putObject("setup");
    setup.forEach(setupNode::put);
    daystreamShare().ifPresent(share -> root.put("daystreamShareOfBaseline", share).put("goalMet", share >= GOAL_MIN_SHARE));
    ObjectNode variantNode = root.putObject("variants");
    variants.forEach(v -> variantNode.put(v.name(), v.description()));
    ArrayNode array = root.putArray("runs");
    runs.forEach(run -> array.addObject().put("variant", run.variant()).put("round", run.round())
        .put("documents", run.documents()).put("millis", run.millis())
        .put("documentsPerSecond", Math.round(run.documentsPerSecond())));
    return root;
  }

  private List<TextRun> lastRound() {
    return runs.stream().filter(run -> run.round() == rounds).toList();
  }

  private Optional<TextRun> last(String variant) {
    return lastRound().stream().filter(run -> run.variant().equals(variant)).findFirst();
  }
}
