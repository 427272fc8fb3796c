package io.daystream.app.cli;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.ingestion.replay.LakeReplayer;
import io.daystream.ingestion.replay.MalformedMessages;
import io.daystream.ingestion.stream.IngestedStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream datasets replay}: a loaded or generated table back onto its Kafka topic. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Produces a stream's bronze table onto its Kafka topic in event-time order, keyed by its natural "
        + "key, as fast as possible or one event day per --day-seconds, optionally damaging a share of messages "
        + "(truncated JSON, wrong type, missing id, oversized text, invalid UTF-8) for reliability runs.")
public final class DatasetsReplayCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--stream", required = true, description = "tweets, engagements, news or prices.")
  private String stream;

  @Option(names = "--day-seconds", description = "Seconds per event day (default: as fast as possible).")
  private Double daySeconds;

  @Option(names = "--malformed-fraction", defaultValue = "0", description = "Share of messages to damage, in [0, 1].")
  private double malformedFraction;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the damage (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() {
    IngestedStream selected = IngestedStream.byName(stream);
    if (daySeconds != null && !(daySeconds > 0)) {
      throw new IllegalArgumentException("--day-seconds must be positive, got " + daySeconds);
    }
    MalformedMessages damage = new MalformedMessages(malformedFraction, seed, selected.keyColumns().get(0),
        selected.eventTimeColumn(), selected.textColumn());
    DaystreamConfig config = common.load();
    LakeReplayer.Sent sent;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      String topic = selected.topic(config.kafka().topics());
      runtime.kafka().ensureTopics(List.of(topic));
      sent = new LakeReplayer(runtime.spark(), new Lake(config.lake()), runtime.kafka().bootstrapServers(),
          config.kafka().clientProperties())
          .replay(selected, topic, Optional.ofNullable(daySeconds).map(s -> Duration.ofMillis((long) (s * 1000))),
              damage);
    }
    spec.commandLine().getOut().printf("%s: %d messages sent to %s (%d damaged, %d sent twice), events %s .. %s%n",
        selected.streamName(), sent.messages(), selected.topic(config.kafka().topics()), sent.damaged(),
        sent.duplicates(),
        sent.firstDay().map(Object::toString).orElse("-"), sent.lastDay().map(Object::toString).orElse("-"));
    return ExitCodes.OK;
  }
}
