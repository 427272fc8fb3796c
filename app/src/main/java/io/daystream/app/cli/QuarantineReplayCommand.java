package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.ingestion.quarantine.QuarantineReplay;
import io.daystream.ingestion.quarantine.ReplaySelection;
import io.daystream.ingestion.quarantine.ReplayedStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code daystream quarantine replay}: quarantined late records back through validation, cleaning
 * and the insert-only MERGE by natural key, without the watermark; see {@link QuarantineReplay}.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Sends the quarantined records of a reason (late only) back through validation, cleaning and the "
        + "insert-only MERGE by natural key into bronze, without the watermark. Exactly once: a record whose key is "
        + "stored already is not written again, and the good ones leave the quarantine after the bronze commit. "
        + "Records that fail validation now stay in the quarantine.")
public final class QuarantineReplayCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--reason", required = true, paramLabel = "WORD",
      description = "The first word of the quarantine reason: late (the only one a replay can change).")
  private String reason;

  @Option(names = "--stream", paramLabel = "STREAM", description = "Only this stream: tweets, engagements, news, prices.")
  private String stream;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only records whose event day is on or after this.")
  private LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only records whose event day is on or before this.")
  private LocalDate to;

  @Option(names = "--json", description = "Print one JSON object instead of sentences.")
  private boolean json;

  @Override
  public Integer call() {
    // Checked before the configuration and Spark: a wrong selection fails at once.
    ReplaySelection selection = ReplaySelection.of(reason, stream, from, to);
    DaystreamConfig config = common.load();
    List<ReplayedStream> results;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      results = new QuarantineReplay(runtime.spark(), new Lake(config.lake()), config.ingestion().maxTextLength())
          .replay(selection);
    }
    if (json) {
      spec.commandLine().getOut().println(json(selection, results));
    } else {
      sentences(selection, results).forEach(spec.commandLine().getOut()::println);
    }
    return ExitCodes.OK;
  }

  /** One line per stream, and one per reason the records rejected again failed. */
  static List<String> sentences(ReplaySelection selection, List<ReplayedStream> results) {
    List<String> lines = new ArrayList<>();
    if (results.isEmpty()) {
      lines.add("no " + selection.reason() + " records in the quarantine" + range(selection));
    }
    for (ReplayedStream result : results) {
      lines.add(String.format("replayed %d %s records of %s%s: %d landed, %d already in bronze, %d rejected again",
          result.replayed(), selection.reason(), result.stream(), range(selection), result.landed(),
          result.alreadyInBronze(), result.rejectedAgain()));
      result.rejectedReasons().forEach((why, count) ->
          lines.add(String.format("  %d left in the quarantine, failing validation now: %s", count, why)));
    }
    return lines;
  }

  /** {@code {"reason":…,"from":…,"to":…,"streams":[{"stream":…,"replayed":…,…}]}}. */
  static String json(ReplaySelection selection, List<ReplayedStream> results) {
    ObjectNode root = JSON.createObjectNode()
        .put("reason", selection.reason())
        .put("from", selection.from().map(Object::toString).orElse(null))
        .put("to", selection.to().map(Object::toString).orElse(null));
    ArrayNode streams = root.putArray("streams");
    for (ReplayedStream result : results) {
      ObjectNode node = streams.addObject()
          .put("stream", result.stream())
          .put("replayed", result.replayed())
          .put("landed", result.landed())
          .put("already_in_bronze", result.alreadyInBronze())
          .put("rejected_again", result.rejectedAgain());
      ObjectNode reasons = node.putObject("rejected_reasons");
      result.rejectedReasons().forEach(reasons::put);
    }
    return root.toString();
  }

  private static String range(ReplaySelection selection) {
    if (selection.from().isEmpty() && selection.to().isEmpty()) {
      return "";
    }
    return " from " + selection.from().map(Object::toString).orElse("the start")
        + " to " + selection.to().map(Object::toString).orElse("the end");
  }
}
