package io.daystream.core.kafka;

import io.daystream.core.config.KafkaSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options of Spark's Kafka source (and sink) for one topic, from the configuration. */
public final class KafkaSourceOptions {

  private KafkaSourceOptions() {}

  public static Map<String, String> forTopic(KafkaSettings settings, String bootstrapServers, String topic) {
    Map<String, String> options = new LinkedHashMap<>();
    // Security and other client properties reach the consumer with Spark's "kafka." prefix.
    settings.clientProperties().forEach((key, value) -> options.put("kafka." + key, value));
    options.put("kafka.bootstrap.servers", bootstrapServers);
    options.put("subscribe", topic);
    options.put("startingOffsets", settings.startingOffsets());
    options.put("failOnDataLoss", String.valueOf(settings.failOnDataLoss()));
    if (settings.maxOffsetsPerTrigger() > 0) {
      options.put("maxOffsetsPerTrigger", String.valueOf(settings.maxOffsetsPerTrigger()));
    }
    return options;
  }

  /** The options of Spark's Kafka sink writing to {@code topic}: rows with key and value columns. */
  public static Map<String, String> sinkFor(KafkaSettings settings, String bootstrapServers, String topic) {
    Map<String, String> options = new LinkedHashMap<>();
    settings.clientProperties().forEach((key, value) -> options.put("kafka." + key, value));
    options.put("kafka.bootstrap.servers", bootstrapServers);
    options.put("topic", topic);
    return options;
  }
}
