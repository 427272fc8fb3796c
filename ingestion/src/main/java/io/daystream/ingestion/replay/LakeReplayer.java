package io.daystream.ingestion.replay;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.daystream.core.lake.Lake;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Replays a stream's bronze table onto its Kafka topic in event-time order, keyed by the natural
 * key, as fast as possible or one event day per given interval, optionally damaging a share of
 * the messages. Texts go out as they first arrived (the raw text, not the cleaned one).
 */
public final class LakeReplayer {

  /**
   * What a replay sent.
   *
   * @param messages records of the table replayed (re-deliveries not counted)
   * @param damaged messages sent damaged, which belong in the quarantine
   * @param duplicates good messages sent a second time
   */
  public record Sent(long messages, long damaged, long duplicates, Optional<LocalDate> firstDay,
      Optional<LocalDate> lastDay) {}

  private final SparkSession spark;
  private final Lake lake;
  private final String bootstrapServers;
  private final Properties clientProperties = new Properties();

  public LakeReplayer(SparkSession spark, Lake lake, String bootstrapServers, java.util.Map<String, String> clientProps) {
    this.spark = spark;
    this.lake = lake;
    this.bootstrapServers = bootstrapServers;
    this.clientProperties.putAll(clientProps);
  }

  /**
   * @param dayInterval empty: as fast as possible; else each event day takes at least this long
   * @param damage which messages to damage (fraction 0: none)
   */
  public Sent replay(IngestedStream stream, String topic, Optional<Duration> dayInterval, MalformedMessages damage) {
    List<Column> fields = new ArrayList<>();
    for (StructField field : stream.messageSchema().fields()) {
      boolean isText = stream.textColumn().map(field.name()::equals).orElse(false);
      fields.add((isText ? col("raw_" + field.name()) : col(field.name())).as(field.name()));
    }
    Column key = org.apache.spark.sql.functions.concat_ws("|",
        stream.keyColumns().stream().map(c -> col(c).cast("string")).toArray(Column[]::new));
    Iterator<Row> rows = spark.read().format("delta").load(lake.path(stream.table()))
        .select(key.as("key"), to_json(struct(fields.toArray(Column[]::new))).as("json"), col("event_date"))
        .orderBy(col(stream.eventTimeColumn()), col("key"))
        .toLocalIterator();

    long sent = 0;
    long damaged = 0;
    long duplicates = 0;
    LocalDate first = null;
    LocalDate current = null;
    long dayStarted = System.nanoTime();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      while (rows.hasNext()) {
        Row row = rows.next();
        LocalDate day = row.<java.sql.Date>getAs("event_date").toLocalDate();
        if (current != null && !day.equals(current) && dayInterval.isPresent()) {
          producer.flush();
          sleepRest(dayInterval.get(), dayStarted);
          dayStarted = System.nanoTime();
        }
        first = first == null ? day : first;
        current = day;
        String json = row.getAs("json");
        Optional<MalformedMessages.Kind> kind = damage.next();
        byte[] value = kind.map(k -> damage.damage(json, k)).orElse(json.getBytes(StandardCharsets.UTF_8));
        boolean resend = kind.isPresent() && !kind.get().isBad();
        damaged += kind.isPresent() && kind.get().isBad() ? 1 : 0;
        duplicates += resend ? 1 : 0;
        byte[] recordKey = row.<String>getAs("key").getBytes(StandardCharsets.UTF_8);
        for (int copy = 0; copy < (resend ? 2 : 1); copy++) {
          producer.send(new ProducerRecord<>(topic, recordKey, value), (metadata, error) -> {
            if (error != null) {
              failure.compareAndSet(null, error);
            }
          });
        }
        sent++;
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("replay to " + topic + " failed: " + failure.get().getMessage(), failure.get());
    }
    return new Sent(sent, damaged, duplicates, Optional.ofNullable(first), Optional.ofNullable(current));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    // Room for the oversized messages a reliability replay sends on purpose.
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(props);
  }

  private static void sleepRest(Duration interval, long startedNanos) {
    long restMillis = interval.toMillis() - (System.nanoTime() - startedNanos) / 1_000_000;
    if (restMillis > 0) {
      try {
        Thread.sleep(restMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during replay", e);
      }
    }
  }
}
