package io.daystream.ingestion.testing;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.KafkaEndpoint;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.ingestion.job.IngestionJob;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;

/**
 * What an ingestion integration test runs on: the embedded broker with every stream's topic, a
 * local SparkSession and the lake of a temporary home. Nothing of it is mocked.
 */
public record RealParts(DaystreamConfig config, KafkaEndpoint kafka, SparkSession spark, Lake lake)
    implements AutoCloseable {

  /** @param overrides configuration settings, as {@code --set} takes them ({@code spark.master=local[2]} is added) */
  public static RealParts start(Path home, String... overrides) {
    String[] settings = Arrays.copyOf(overrides, overrides.length + 1);
    settings[overrides.length] = "spark.master=local[2]";
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, settings);
    KafkaEndpoint kafka = KafkaEndpoint.open(config.kafka());
    kafka.ensureTopics(Arrays.stream(IngestedStream.values()).map(s -> s.topic(config.kafka().topics())).toList());
    return new RealParts(config, kafka, SparkSessionFactory.getOrCreate(config.spark()), new Lake(config.lake()));
  }

  /** A producer of raw bytes, so that a test can send anything, invalid UTF-8 included. */
  public KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(props);
  }

  /** Ingests what the topics of {@code streams} hold, as {@code ingest --until-idle} does. */
  public void ingestUntilIdle(IngestedStream... streams) {
    try (IngestionJob job = new IngestionJob(spark, config, kafka.bootstrapServers(), List.of(streams),
        Optional.empty())) {
      job.start();
      job.awaitTermination();
    }
  }

  @Override
  public void close() {
    spark.stop();
    kafka.close();
  }
}
