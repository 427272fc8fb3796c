package io.daystream.bench.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The floor under every pipeline: a plain consumer that polls every message of the topic and
 * only counts it and its bytes. No group, no commits: it assigns every partition and reads from
 * the beginning, as Spark's Kafka source does.
 */
public final class ConsumerRun {

  public static final String NAME = "kafka-consumer";

  private final String bootstrapServers;
  private final Map<String, String> clientProperties;

  public ConsumerRun(String bootstrapServers, Map<String, String> clientProperties) {
    this.bootstrapServers = bootstrapServers;
    this.clientProperties = Map.copyOf(clientProperties);
  }

  public RunResult readAll(String topic, long expected, int round, Duration timeout) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    long rows = 0;
    long bytes = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (rows < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the consumer read " + rows + " of " + expected + " messages in " + timeout);
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          rows++;
          bytes += record.value() == null ? 0 : record.value().length;
        }
      }
    }
    long wallMs = (System.nanoTime() - started) / 1_000_000;
    if (bytes == 0) {
      throw new IllegalStateException("the consumer read " + rows + " empty messages");
    }
    return new RunResult(NAME, round, rows, -1, wallMs, List.of());
  }
}
