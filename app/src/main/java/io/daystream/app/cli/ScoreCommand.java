package io.daystream.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.scoring.job.ScoreJob;
import io.daystream.scoring.job.ScoreJobs;
import io.daystream.scoring.job.ScoreTotals;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream score}: the streaming score job. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = "Scores the requests of the requests topic (the candidate tweets of one user each) with the "
        + "champion of every engagement head, ranks them by the weighted sum of the heads' probabilities "
        + "(daystream.scoring.head-weights) and writes every score to serving/scores, each request's top N to "
        + "serving/top_n and to the recommendations topic. A promotion or rollback serves from the next batch on. "
        + "Malformed requests go to the quarantine. Runs until stopped, or with --until-idle until it has read what "
        + "is there; SIGTERM lets the running batch finish. Restarted, it resumes from its checkpoint without "
        + "scoring a request twice into the tables.")
public final class ScoreCommand implements Callable<Integer> {

  private static final Duration STOP_PATIENCE = Duration.ofMinutes(1);
  private static final int BEFORE_SPARK_HOOK_PRIORITY = 50;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--until-idle", description = "Score the requests the topic holds now, then stop.")
  private boolean untilIdle;

  @Option(names = "--trigger", paramLabel = "DURATION",
      description = "Micro-batch interval when running continuously, e.g. 1s, 1m (default: daystream.scoring.trigger).")
  private String trigger;

  @Option(names = "--json", description = "When it stops, print one JSON object: batches, candidates scored, "
      + "requests quarantined, the versions that scored per head.")
  private boolean json;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    Duration interval = trigger == null ? config.scoring().trigger() : DurationOption.parse("--trigger", trigger);
    ScoreTotals totals;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      runtime.kafka().ensureTopics(List.of(config.kafka().topics().requests(),
          config.kafka().topics().recommendations()));
      try (ScoreJob job = ScoreJobs.create(runtime.spark(), config, runtime.kafka().bootstrapServers(),
          untilIdle ? Optional.empty() : Optional.of(interval))) {
        job.start();
        // Runs before Spark's own hook (priority 40): SIGTERM lets the running batch finish.
        Runnable stopAfterBatch = () -> job.stopAfterRunningBatch(STOP_PATIENCE);
        ShutdownHookManager.get().addShutdownHook(stopAfterBatch, BEFORE_SPARK_HOOK_PRIORITY,
            STOP_PATIENCE.plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
        try {
          job.awaitTermination();
        } finally {
          ShutdownHookManager.get().removeShutdownHook(stopAfterBatch);
        }
        totals = job.totals();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = JSON.createObjectNode().put("batches", totals.batches())
          .put("candidates_scored", totals.candidates()).put("requests_quarantined", totals.quarantined());
      ObjectNode versions = root.putObject("versions");
      totals.versionsByHead().forEach((head, used) -> used.forEach(v -> versions.withArray(head).add(v)));
      out.println(root);
    } else {
      out.printf("scored %,d candidates in %,d batches; %,d malformed requests quarantined; versions %s%n",
          totals.candidates(), totals.batches(), totals.quarantined(), totals.versionsByHead());
    }
    return ExitCodes.OK;
  }
}
