package io.daystream.core.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.KafkaSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class KafkaEndpointTest {

  @TempDir Path home;

  private KafkaSettings settings(String... overrides) {
    return ConfigLoader.defaultsWithHome(home, overrides).kafka();
  }

  @Test
  void closedPortFailsWithinTheTimeoutInOneLineNamingTheKeyAndTheServers() throws IOException {
    String servers = "127.0.0.1:" + closedPort();
    KafkaSettings kafka = settings("kafka.bootstrap-servers=" + servers, "kafka.connect-timeout=2s");
    long start = System.nanoTime();

    KafkaUnreachableException e = assertThrows(KafkaUnreachableException.class, () -> KafkaEndpoint.open(kafka));

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "gave up after " + took);
    assertTrue(e.getMessage().startsWith("cannot reach Kafka at " + servers
        + " (daystream.kafka.bootstrap-servers) within 2 s: "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void unresolvableHostFailsNamingIt() {
    KafkaSettings kafka = settings("kafka.bootstrap-servers=no-such-broker.invalid:9092", "kafka.connect-timeout=2s");

    KafkaUnreachableException e = assertThrows(KafkaUnreachableException.class, () -> KafkaEndpoint.open(kafka));

    assertTrue(e.getMessage().contains("no-such-broker.invalid:9092"), e.getMessage());
    assertTrue(e.getMessage().contains("daystream.kafka.bootstrap-servers"), e.getMessage());
  }

  @Test
  void runningClusterIsOpenedAndClientPropertiesReachTheCheck() {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create(home.resolve("kafka")).start()) {
      String servers = broker.bootstrapServers();

      try (KafkaEndpoint endpoint = KafkaEndpoint.open(settings("kafka.bootstrap-servers=" + servers))) {
        assertFalse(endpoint.isEmbedded());
        assertEquals(servers, endpoint.bootstrapServers());
      }

      // The broker speaks plaintext: a SASL client cannot talk to it, which proves the check used
      // the pass-through properties; the password must not show in the message.
      KafkaSettings sasl = settings("kafka.bootstrap-servers=" + servers, "kafka.connect-timeout=2s",
          "kafka.properties={\"security.protocol\": \"SASL_PLAINTEXT\", \"sasl.mechanism\": \"PLAIN\", "
              + "\"sasl.jaas.config\": \"org.apache.kafka.common.security.plain.PlainLoginModule required "
              + "username=\\\"u\\\" password=\\\"hunter2-secret\\\";\"}");
      KafkaUnreachableException e = assertThrows(KafkaUnreachableException.class, () -> KafkaEndpoint.open(sasl));
      assertTrue(e.getMessage().contains(servers), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  /** A port nothing listens on: bound by the system, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
