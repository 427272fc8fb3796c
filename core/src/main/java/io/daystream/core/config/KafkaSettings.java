package io.daystream.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where Kafka is and how Daystream reads it. No bootstrap servers: an embedded broker is started.
 * Configured servers are a checked {@code host:port,...} list with the spaces around commas removed;
 * {@code connectTimeout} bounds the check at start that they answer.
 */
public record KafkaSettings(
    Optional<String> bootstrapServers,
    Duration connectTimeout,
    String embeddedLogDir,
    int partitions,
    TopicNames topics,
    String startingOffsets,
    long maxOffsetsPerTrigger,
    boolean failOnDataLoss,
    Map<String, String> clientProperties) {

  /** The topic of each stream, and the score job's request and recommendation topics. */
  public record TopicNames(String tweets, String engagements, String news, String prices, String requests,
      String recommendations) {}

  static KafkaSettings from(ConfigReader c) {
    String servers = c.string("bootstrap-servers").trim();
    if (!servers.isEmpty()) {
      try {
        servers = String.join(",", BootstrapServerList.parse(servers));
      } catch (IllegalArgumentException e) {
        throw c.bad("bootstrap-servers", e.getMessage());
      }
    }
    String startingOffsets = c.string("starting-offsets");
    if (!startingOffsets.equals("earliest") && !startingOffsets.equals("latest")) {
      throw c.bad("starting-offsets", "must be 'earliest' or 'latest', was '" + startingOffsets + "'");
    }
    return new KafkaSettings(
        servers.isEmpty() ? Optional.empty() : Optional.of(servers),
        c.positiveDuration("connect-timeout"),
        c.nonEmptyString("embedded-log-dir"),
        c.intAtLeast("partitions", 1),
        new TopicNames(
            c.nonEmptyString("topics.tweets"),
            c.nonEmptyString("topics.engagements"),
            c.nonEmptyString("topics.news"),
            c.nonEmptyString("topics.prices"),
            c.nonEmptyString("topics.requests"),
            c.nonEmptyString("topics.recommendations")),
        startingOffsets,
        c.longAtLeast("max-offsets-per-trigger", 0),
        c.bool("fail-on-data-loss"),
        c.stringMap("properties"));
  }

  /** Hides pass-through values: they may hold passwords. */
  @Override
  public String toString() {
    return "KafkaSettings[bootstrapServers=" + bootstrapServers.orElse("(embedded)")
        + ", topics=" + topics + ", clientProperties=" + clientProperties.keySet() + "]";
  }
}
