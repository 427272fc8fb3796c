package io.daystream.core.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class EmbeddedKafkaBrokerTest {

  private static final String TOPIC = "daystream.test";
  private static final int RECORDS = 1_000;

  @TempDir Path home;

  @Test
  void recordsSurviveARestartOnTheSameDirectory() {
    Path logDir = home.resolve("kafka");
    Set<Thread> threadsBefore = liveNonDaemonThreads();

    EmbeddedKafkaBroker first = EmbeddedKafkaBroker.create(logDir).start();
    String clusterId = first.clusterId();
    assertTrue(first.bootstrapServers().matches("127\\.0\\.0\\.1:\\d+"), first.bootstrapServers());
    assertTrue(Files.exists(logDir.resolve("meta.properties")));
    first.ensureTopic(TOPIC, 2);
    first.ensureTopic(TOPIC, 2); // existing topic: no error
    produce(first.bootstrapServers(), RECORDS);
    Map<String, String> read = consumeAll(first.bootstrapServers(), RECORDS);
    assertEquals(expected(), read);
    first.close();
    assertDoesNotThrow(first::close);
    assertThrows(IllegalStateException.class, first::start);

    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.create(logDir, first.boundSettings()).start()) {
      assertEquals(clusterId, second.clusterId());
      assertEquals(first.bootstrapServers(), second.bootstrapServers(), "same address after a restart");
      second.ensureTopic(TOPIC, 2);
      assertEquals(expected(), consumeAll(second.bootstrapServers(), RECORDS));
    }

    assertTrue(
        waitUntilGone(threadsBefore),
        () -> "threads left after close: " + newThreadNames(threadsBefore));
  }

  @Test
  void aRecordAboveClientDefaultsReachesTheConsumer() {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(home.resolve("kafka")).start()) {
      broker.createTopics(Map.of("big", 1, "small", 3));
      byte[] big = new byte[1_500_000]; // above the 1 MB producer and fetch defaults
      Arrays.fill(big, (byte) 'x');
      Map<String, Object> producerProps =
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
              ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
      try (var producer =
          new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
        assertDoesNotThrow(() -> producer.send(new ProducerRecord<>("big", big)).get());
      }
      Map<String, Object> consumerProps =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      try (var consumer =
          new KafkaConsumer<>(
              consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        var partition = new org.apache.kafka.common.TopicPartition("big", 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        byte[] got = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (got == null && System.nanoTime() < deadline) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            got = r.value();
          }
        }
        assertArrayEquals(big, got);
      }
    }
  }

  private static void produce(String bootstrap, int count) {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5);
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(TOPIC, "k" + i, "v" + i));
      }
      producer.flush();
    }
  }

  /** Reads the topic from the start through a consumer group, as a new application would. */
  private static Map<String, String> consumeAll(String bootstrap, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, String> read = new TreeMap<>();
    Set<Integer> partitions = new java.util.HashSet<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int polled = 0;
      while (polled < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          read.put(r.key(), r.value());
          partitions.add(r.partition());
          polled++;
        }
      }
      assertEquals(expected, polled, "records polled (duplicates included)");
    }
    assertEquals(Set.of(0, 1), partitions, "both partitions hold records");
    return read;
  }

  private static Map<String, String> expected() {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < RECORDS; i++) {
      m.put("k" + i, "v" + i);
    }
    return m;
  }

  private static Set<Thread> liveNonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  private static List<String> newThreadNames(Set<Thread> before) {
    return liveNonDaemonThreads().stream()
        .filter(t -> !before.contains(t))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.toList());
  }

  /** A thread may need a moment to leave run() after being joined through a latch. */
  private static boolean waitUntilGone(Set<Thread> before) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (newThreadNames(before).isEmpty()) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
