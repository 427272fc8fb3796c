package io.daystream.core.kafka;

import io.daystream.core.config.KafkaSettings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Kafka cluster a process talks to: the configured one, or an embedded broker started for
 * the life of this object when none is configured. Callers see the same API either way.
 */
public final class KafkaEndpoint implements AutoCloseable {

  private final KafkaSettings settings;
  private final EmbeddedKafkaBroker embedded;
  private final String bootstrapServers;

  private KafkaEndpoint(KafkaSettings settings, EmbeddedKafkaBroker embedded, String bootstrapServers) {
    this.settings = settings;
    this.embedded = embedded;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * The configured cluster once it has answered, or a new embedded broker.
   *
   * @throws KafkaUnreachableException when the configured cluster does not answer within
   *     {@code kafka.connect-timeout}
   */
  public static KafkaEndpoint open(KafkaSettings settings) {
    if (settings.bootstrapServers().isPresent()) {
      ClusterReachability.check(settings, settings.bootstrapServers().get());
      return new KafkaEndpoint(settings, null, settings.bootstrapServers().get());
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(Path.of(settings.embeddedLogDir())).start();
    return new KafkaEndpoint(settings, broker, broker.bootstrapServers());
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Creates the topics that do not exist yet, with the configured partition count. */
  public void ensureTopics(Collection<String> topics) {
    Properties props = new Properties();
    props.putAll(settings.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream()
          .filter(topic -> !existing.contains(topic))
          .distinct()
          .map(topic -> new NewTopic(topic, settings.partitions(), (short) (isEmbedded() ? 1 : -1)))
          .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return; // another process created it meanwhile: what we wanted
      }
      throw new IllegalStateException("cannot create topics " + topics + " on " + bootstrapServers + ": "
          + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Messages a topic holds now: the sum over partitions of end minus start offsets. */
  public long messageCount(String topic) {
    Properties props = new Properties();
    props.putAll(settings.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
          .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions.forEach(p -> {
        earliest.put(p, OffsetSpec.earliest());
        latest.put(p, OffsetSpec.latest());
      });
      var starts = admin.listOffsets(earliest).all().get();
      var ends = admin.listOffsets(latest).all().get();
      return partitions.stream().mapToLong(p -> ends.get(p).offset() - starts.get(p).offset()).sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading offsets of " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read offsets of " + topic + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
