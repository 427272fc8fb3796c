package io.daystream.app.cli;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.ingestion.job.IngestionJob;
import io.daystream.ingestion.stream.IngestedStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code daystream ingest}: Kafka topics into the bronze Delta tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Streams Kafka topics into the bronze Delta tables: validated, cleaned, deduplicated; bad "
        + "messages to the quarantine. Runs until stopped, or with --until-idle until it has read what is there. "
        + "SIGTERM lets running batches finish, then stops. A batch cut short by a crash is redone from the checkpoint "
        + "at the next start; its writes are idempotent.")
public final class IngestCommand implements Callable<Integer> {

  /** How long a SIGTERM waits for running batches before stopping anyway. */
  private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);
  private static final int BEFORE_SPARK_HOOK_PRIORITY = 50;

  @Mixin
  private CommonOptions common;

  @Option(names = "--topics", split = ",", paramLabel = "STREAM",
      description = "Streams to ingest, of tweets, engagements, news, prices (default: all).")
  private List<String> streams = List.of("tweets", "engagements", "news", "prices");

  @Option(names = "--until-idle", description = "Process what the topics hold now, then stop.")
  private boolean untilIdle;

  @Option(names = "--trigger", paramLabel = "DURATION", defaultValue = "5s",
      description = "Micro-batch interval when running continuously, e.g. 5s, 1m (default: ${DEFAULT-VALUE}).")
  private String trigger;

  @Override
  public Integer call() {
    List<IngestedStream> selected = streams.stream().map(IngestedStream::byName).toList();
    Duration interval = DurationOption.parse("--trigger", trigger);
    DaystreamConfig config = common.load();
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      runtime.kafka().ensureTopics(selected.stream().map(s -> s.topic(config.kafka().topics())).toList());
      try (IngestionJob job = new IngestionJob(runtime.spark(), config, runtime.kafka().bootstrapServers(), selected,
          untilIdle ? Optional.empty() : Optional.of(interval))) {
        job.start();
        // Hadoop's hook manager runs hooks by priority, Spark's (which stops the context) at 40:
        // this one runs first, so SIGTERM lets running batches finish before Spark goes down.
        Runnable stopAfterBatches = () -> job.stopAfterRunningBatches(STOP_PATIENCE);
        ShutdownHookManager.get().addShutdownHook(stopAfterBatches, BEFORE_SPARK_HOOK_PRIORITY,
            STOP_PATIENCE.plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
        try {
          job.awaitTermination();
        } finally {
          ShutdownHookManager.get().removeShutdownHook(stopAfterBatches);
        }
      }
    }
    return ExitCodes.OK;
  }
}
