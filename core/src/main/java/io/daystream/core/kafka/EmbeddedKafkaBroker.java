package io.daystream.core.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker (KRaft, broker and controller in one) running inside this
 * JVM on 127.0.0.1, for when no external cluster is configured.
 *
 * <p>Topics and records live in the log directory and survive a restart of the process on the
 * same directory. One instance starts once; to restart, close it and create a new one.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final String HOST = "127.0.0.1";
  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The tunables a caller may need.
   *
   * @param port broker listener port; 0 picks a free one
   * @param controllerPort KRaft controller listener port; 0 picks a free one
   * @param defaultPartitions partitions of a topic created without a count
   * @param messageMaxBytes largest record batch the broker accepts
   * @param overrides any other broker property; wins over everything above
   */
  public record Settings(
      int port,
      int controllerPort,
      int defaultPartitions,
      int messageMaxBytes,
      Map<String, String> overrides) {

    public Settings {
      requirePort(port, "port");
      requirePort(controllerPort, "controllerPort");
      if (defaultPartitions < 1) {
        throw new IllegalArgumentException("defaultPartitions must be >= 1: " + defaultPartitions);
      }
      if (messageMaxBytes < 1) {
        throw new IllegalArgumentException("messageMaxBytes must be >= 1: " + messageMaxBytes);
      }
      overrides = Map.copyOf(overrides);
    }

    /**
     * Free ports, 2 partitions, and 2 MB messages: larger than any client's default so that an
     * oversized record reaches the consumer, which can quarantine it, instead of failing the
     * producer.
     */
    public static Settings defaults() {
      return new Settings(0, 0, 2, 2 * 1024 * 1024, Map.of());
    }

    public Settings withPort(int newPort) {
      return new Settings(newPort, controllerPort, defaultPartitions, messageMaxBytes, overrides);
    }

    private static void requirePort(int p, String name) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException(name + " must be 0..65535: " + p);
      }
    }
  }

  private final Path logDir;
  private final Settings settings;

  private KafkaRaftServer server;
  private Admin admin;
  private String bootstrapServers;
  private int[] boundPorts;
  private String clusterId;
  private boolean closed;

  private EmbeddedKafkaBroker(Path logDir, Settings settings) {
    this.logDir = Objects.requireNonNull(logDir, "logDir").toAbsolutePath();
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** A broker on free ports with {@link Settings#defaults()}. Call {@link #start()} next. */
  public static EmbeddedKafkaBroker create(Path logDir) {
    return create(logDir, Settings.defaults());
  }

  public static EmbeddedKafkaBroker create(Path logDir, Settings settings) {
    return new EmbeddedKafkaBroker(logDir, settings);
  }

  /**
   * Formats the log directory if it is new, starts the broker and waits until it accepts
   * requests.
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (closed) {
      throw new IllegalStateException("Closed; create a new broker on the same directory instead");
    }
    if (server != null) {
      return this;
    }
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + logDir, e);
    }
    int[] ports = choosePorts(settings.port(), settings.controllerPort());
    boundPorts = ports;
    Properties props = brokerProperties(ports[0], ports[1]);
    clusterId = KraftStorage.formatIfNeeded(logDir, props);
    KafkaConfig config = new KafkaConfig(props, false);
    bootstrapServers = HOST + ":" + ports[0];

    server = new KafkaRaftServer(config, Time.SYSTEM, scala.Option.empty());
    try {
      server.startup();
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
      awaitReady();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  /** "127.0.0.1:PORT" of the running broker. */
  public synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      throw new IllegalStateException("Not started");
    }
    return bootstrapServers;
  }

  /** The cluster id kept in the log directory's meta.properties. */
  public synchronized String clusterId() {
    if (clusterId == null) {
      throw new IllegalStateException("Not started");
    }
    return clusterId;
  }

  /**
   * This broker's settings with the ports it bound in place of 0, also after {@link #close()}: a
   * new broker on the same log directory with them is found by clients at the same address, as a
   * restarted broker of a real cluster is.
   */
  public synchronized Settings boundSettings() {
    if (boundPorts == null) {
      throw new IllegalStateException("Not started");
    }
    return new Settings(boundPorts[0], boundPorts[1], settings.defaultPartitions(), settings.messageMaxBytes(),
        settings.overrides());
  }

  public Path logDir() {
    return logDir;
  }

  /** Creates a topic unless it exists; an existing topic keeps its partition count. */
  public void ensureTopic(String name, int partitions) {
    createTopics(Map.of(name, partitions));
  }

  /** Creates each missing topic with the given partition count; existing topics are fine. */
  public void createTopics(Map<String, Integer> partitionsByTopic) {
    List<NewTopic> topics =
        partitionsByTopic.entrySet().stream()
            .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
            .collect(Collectors.toList());
    Map<String, KafkaFuture<Void>> results = runningAdmin().createTopics(topics).values();
    for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
      try {
        result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException("Timed out creating topic " + result.getKey(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted creating topic " + result.getKey(), e);
      }
    }
  }

  /**
   * Stops the broker and waits until its threads have ended, so that the JVM can exit and the
   * log directory can be reopened. Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
      admin = null;
    }
    if (server != null) {
      // Kafka's server threads are non-daemon: without a full shutdown the JVM cannot exit.
      // awaitShutdown() returns once broker and controller report SHUTDOWN, so the log
      // directory's lock is free for the next broker on it.
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  private synchronized Admin runningAdmin() {
    if (admin == null) {
      throw new IllegalStateException(closed ? "Closed" : "Not started");
    }
    return admin;
  }

  private Properties brokerProperties(int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: internal topics cannot have more than one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    // 50 consumer-offset partitions (the default) slow the first group join for no gain here.
    p.put("offsets.topic.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Daystream creates its topics explicitly; a typo must not create a new one.
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", String.valueOf(settings.defaultPartitions()));
    p.put("message.max.bytes", String.valueOf(settings.messageMaxBytes()));
    p.put("replica.fetch.max.bytes", String.valueOf(settings.messageMaxBytes()));
    p.putAll(settings.overrides());
    return p;
  }

  /** Waits until the broker has registered with its controller and can serve metadata. */
  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      try {
        if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (ExecutionException | TimeoutException e) {
        // not ready yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the broker", e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Broker not ready after " + READY_TIMEOUT);
      }
      sleep(100);
    }
  }

  /**
   * Resolves 0 to free ports on 127.0.0.1. Both sockets stay open until both are chosen so the
   * two listeners never get the same port; another process may still take one before Kafka binds.
   */
  private static int[] choosePorts(int port, int controllerPort) {
    try (ServerSocket a = new ServerSocket(port, 0, InetAddress.getByName(HOST));
        ServerSocket b = new ServerSocket(controllerPort, 0, InetAddress.getByName(HOST))) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Port " + port + " or " + controllerPort + " on " + HOST + " is not free", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the broker", e);
    }
  }
}
