package io.daystream.app.reliability;

import io.daystream.core.config.KafkaSettings;
import io.daystream.core.config.KafkaSettings.TopicNames;
import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.EngagementProbabilities;
import io.daystream.datasets.schema.NewsPost;
import io.daystream.datasets.schema.PriceBar;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.ingestion.replay.MalformedMessages;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A seeded mixed feed for reliability runs, and what ingesting it must yield. Message {@code i} is
 * a pure function of the seed and {@code i}: an original record, a re-delivery of an earlier
 * original (same key, same bytes), or an original damaged in one of {@link MalformedMessages}'s
 * bad ways. Sending a range of messages records the distinct good records per stream, the Kafka
 * coordinates of every damaged message and the end offset of every partition.
 *
 * <p>Event times grow with {@code i} over {@link #EVENT_TIME_SPAN}, far less than ingestion's
 * late-data watermark (2 days), so no record is ever late and every good one must land.
 */
final class ReliabilityFeed {

  private static final Instant FIRST_EVENT_TIME = Instant.parse("2020-03-01T00:00:00Z");
  /** Plus up to 10 minutes of jitter. */
  private static final Duration EVENT_TIME_SPAN = Duration.ofHours(20);

  /** What a message is. */
  enum Kind { ORIGINAL, REDELIVERY, DAMAGED }

  record Message(IngestedStream stream, String key, byte[] value, Kind kind) {}

  record Coordinates(String topic, int partition, long offset) {}

  private static final double DAMAGED_SHARE = 0.005;
  private static final double REDELIVERED_SHARE = 0.03;
  /** A re-delivery repeats one of the this many messages before it, as a producer retry does. */
  private static final int REDELIVERY_REACH = 5_000;

  private final long seed;
  private final int size;
  private final IngestedStream[] streams;
  private final double[] cumulativeShares;

  private final Map<IngestedStream, Map<String, String>> expected = new EnumMap<>(IngestedStream.class);
  private final Set<Coordinates> damaged = new HashSet<>();
  private final Map<TopicPartition, Long> endOffsets = new ConcurrentHashMap<>();
  private final Map<Kind, Integer> sentByKind = new EnumMap<>(Kind.class);

  /** @param shares each stream's share of the messages; they must add up to 1 */
  ReliabilityFeed(long seed, int size, Map<IngestedStream, Double> shares) {
    double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("shares must add up to 1: " + shares);
    }
    this.seed = seed;
    this.size = size;
    // Enum order, not the map's: Map.of iterates in a different order in each JVM, and message i must not change.
    this.streams = new EnumMap<>(shares).keySet().toArray(IngestedStream[]::new);
    this.cumulativeShares = new double[streams.length];
    double sum = 0;
    for (int s = 0; s < streams.length; s++) {
      sum += shares.get(streams[s]);
      cumulativeShares[s] = sum;
    }
    for (IngestedStream stream : streams) {
      expected.put(stream, new HashMap<>());
    }
  }

  List<IngestedStream> streams() {
    return Arrays.asList(streams);
  }

  /** The topics this feed sends to, each with the configured number of partitions, to create. */
  Map<String, Integer> topicPartitions(KafkaSettings kafka) {
    Map<String, Integer> topics = new LinkedHashMap<>();
    for (IngestedStream stream : streams) {
      topics.put(stream.topic(kafka.topics()), kafka.partitions());
    }
    return topics;
  }

  /**
   * Whether the feed's event times lie within {@code lateDataWatermark} of each other, so that no
   * good record can be quarantined as late and each must land.
   */
  static boolean staysWithin(Duration lateDataWatermark) {
    return EVENT_TIME_SPAN.plusMinutes(10).compareTo(lateDataWatermark) < 0;
  }

  /** The {@code i}-th message of the feed. */
  Message message(int i) {
    Kind kind = drawnKind(i);
    if (kind == Kind.REDELIVERY) {
      int earlier = redeliveredIndex(i);
      if (drawnKind(earlier) == Kind.ORIGINAL) {
        Message original = original(earlier);
        return new Message(original.stream(), original.key(), original.value(), Kind.REDELIVERY);
      }
      kind = Kind.ORIGINAL; // the earlier message was no good record to repeat
    }
    Message original = original(i);
    if (kind == Kind.ORIGINAL) {
      return original;
    }
    return new Message(original.stream(), original.key(), damage(i, original), Kind.DAMAGED);
  }

  /** Sends messages {@code from} (inclusive) to {@code to} (exclusive) and waits for every ack. */
  void produce(String bootstrapServers, TopicNames topics, int from, int to) {
    List<Future<RecordMetadata>> damagedSends = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      for (int i = from; i < to; i++) {
        Message message = message(i);
        Future<RecordMetadata> sent = producer.send(
            new ProducerRecord<>(message.stream().topic(topics), message.key(), message.value()),
            (metadata, error) -> {
              if (metadata != null && error == null) {
                endOffsets.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset() + 1,
                    Math::max);
              }
            });
        sentByKind.merge(message.kind(), 1, Integer::sum);
        if (message.kind() == Kind.DAMAGED) {
          damagedSends.add(sent);
        } else {
          expected.get(message.stream()).put(message.key(), new String(message.value(), StandardCharsets.UTF_8));
        }
      }
      producer.flush();
      for (Future<RecordMetadata> send : damagedSends) {
        RecordMetadata metadata = send.get();
        damaged.add(new Coordinates(metadata.topic(), metadata.partition(), metadata.offset()));
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a send failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing", e);
    }
  }

  /** The distinct good records sent so far of one stream, natural key → JSON. */
  Map<String, String> expectedRecords(IngestedStream stream) {
    return expected.getOrDefault(stream, Map.of());
  }

  /** Where every damaged message sent so far landed in Kafka. */
  Set<Coordinates> damagedCoordinates() {
    return damaged;
  }

  /** Partition → offset after the last message sent so far. */
  Map<TopicPartition, Long> endOffsets() {
    return endOffsets;
  }

  int sent(Kind kind) {
    return sentByKind.getOrDefault(kind, 0);
  }

  private Kind drawnKind(int i) {
    double draw = random(i, 1).nextDouble();
    if (draw < DAMAGED_SHARE) {
      return Kind.DAMAGED;
    }
    return draw < DAMAGED_SHARE + REDELIVERED_SHARE && i > 0 ? Kind.REDELIVERY : Kind.ORIGINAL;
  }

  private int redeliveredIndex(int i) {
    return i - 1 - random(i, 2).nextInt(Math.min(i, REDELIVERY_REACH));
  }

  private Message original(int i) {
    SplittableRandom random = random(i, 3);
    IngestedStream stream = streams[streamIndex(random.nextDouble())];
    // Spread over the span in feed order, jittered by up to 10 minutes: not sorted, as real feeds are not.
    Instant time = FIRST_EVENT_TIME
        .plusMillis((long) ((double) i / size * EVENT_TIME_SPAN.toMillis()))
        .plusSeconds(random.nextInt(600));
    return switch (stream) {
      case ENGAGEMENTS -> {
        boolean liked = random.nextInt(4) == 0;
        Engagement e = new Engagement("u" + random.nextInt(20_000), "t" + i, "a" + random.nextInt(500),
            random.nextInt(100_000), random.nextInt(2_000), random.nextBoolean(),
            random.nextInt(5_000), random.nextInt(1_000), random.nextInt(20) == 0, random.nextBoolean(),
            time, liked ? time.plusSeconds(random.nextInt(3_600)) : null, null, null, null,
            new EngagementProbabilities(random.nextDouble(), random.nextDouble() / 10, random.nextDouble() / 10,
                random.nextDouble() / 100));
        yield new Message(stream, RecordJson.keyOf(e), utf8(RecordJson.of(e)), Kind.ORIGINAL);
      }
      case TWEETS -> {
        // Some HTML, so that cleaning runs: the lake keeps the raw text beside the cleaned one.
        String text = "tweet " + i + " on topic " + random.nextInt(8)
            + (random.nextInt(5) == 0 ? " <b>bold</b> &amp; <a href=\"https://example.org/" + i + "\">link</a>" : "");
        Tweet t = new Tweet("tw" + i, "a" + random.nextInt(500), text, "en", List.of("#t" + random.nextInt(8)),
            List.of(), List.of(), time, (long) random.nextInt(1_000), (long) random.nextInt(50),
            (long) random.nextInt(100), (long) random.nextInt(10));
        yield new Message(stream, RecordJson.keyOf(t), utf8(RecordJson.of(t)), Kind.ORIGINAL);
      }
      case NEWS -> {
        NewsPost post = new NewsPost("n" + i, "worldnews", "headline " + i, "<p>body of post " + i + "</p>",
            (long) random.nextInt(5_000), (long) random.nextInt(300), time, null);
        yield new Message(stream, RecordJson.keyOf(post), utf8(RecordJson.of(post)), Kind.ORIGINAL);
      }
      case PRICES -> {
        double low = 10 + random.nextInt(1_000);
        double high = low + random.nextInt(50);
        PriceBar bar = new PriceBar("S" + i, time.atZone(ZoneOffset.UTC).toLocalDate(), low + 1, high, low, high,
            high, random.nextInt(1_000_000));
        yield new Message(stream, RecordJson.keyOf(bar), utf8(RecordJson.of(bar)), Kind.ORIGINAL);
      }
    };
  }

  private byte[] damage(int i, Message original) {
    IngestedStream stream = original.stream();
    List<MalformedMessages.Kind> kinds = Arrays.stream(MalformedMessages.Kind.values())
        .filter(MalformedMessages.Kind::isBad)
        .filter(k -> k != MalformedMessages.Kind.OVERSIZED_TEXT || stream.textColumn().isPresent())
        .toList();
    MalformedMessages.Kind kind = kinds.get(random(i, 4).nextInt(kinds.size()));
    MalformedMessages damager = new MalformedMessages(0, seed, stream.keyColumns().get(0), stream.eventTimeColumn(),
        stream.textColumn());
    return damager.damage(new String(original.value(), StandardCharsets.UTF_8), kind);
  }

  private int streamIndex(double draw) {
    for (int s = 0; s < cumulativeShares.length - 1; s++) {
      if (draw < cumulativeShares[s]) {
        return s;
      }
    }
    return cumulativeShares.length - 1;
  }

  /** An independent random sequence per message and purpose, so that message(i) never depends on order. */
  private SplittableRandom random(int i, int purpose) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 31L + purpose);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Idempotent: a send retried by the client itself must not add a re-delivery the feed did not plan.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    // Oversized texts are 1 MB: they must reach the broker (2 MB limit) and so the quarantine.
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }
}
