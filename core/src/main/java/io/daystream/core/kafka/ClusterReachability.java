package io.daystream.core.kafka;

import io.daystream.core.config.KafkaSettings;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * Asks a configured cluster to describe itself before any job uses it, so that a wrong address or
 * a broker that is down fails at once with one line instead of a client that retries for a minute
 * and a stack trace. Uses the pass-through client properties (SASL/SSL) as every other client does.
 */
final class ClusterReachability {

  /** The configuration key the servers come from, named in the message. */
  static final String SERVERS_KEY = "daystream.kafka.bootstrap-servers";

  private ClusterReachability() {}

  /**
   * Returns when at least one broker of {@code bootstrapServers} answered within
   * {@code settings.connectTimeout()}.
   *
   * @throws KafkaUnreachableException otherwise, naming the servers, the key and the cause
   */
  static void check(KafkaSettings settings, String bootstrapServers) {
    Duration timeout = settings.connectTimeout();
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    Properties props = new Properties();
    props.putAll(settings.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    Admin admin;
    try {
      admin = Admin.create(props);
    } catch (KafkaException e) {
      throw unreachable(bootstrapServers, null, e); // e.g. no resolvable address: no wait at all
    }
    try {
      // The future's own bound is a little longer, so the client's timeout, with its cause, wins.
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
          .nodes().get(timeoutMs + 1000L, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(bootstrapServers, timeout, e);
    } catch (ExecutionException e) {
      throw unreachable(bootstrapServers, timeout, e.getCause());
    } catch (TimeoutException e) {
      throw unreachable(bootstrapServers, timeout, e);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /** {@code timeout} null: the client gave up before waiting. */
  private static KafkaUnreachableException unreachable(String servers, Duration timeout, Throwable cause) {
    return new KafkaUnreachableException("cannot reach Kafka at " + servers + " (" + SERVERS_KEY + ")"
        + (timeout == null ? "" : " within " + readable(timeout)) + ": " + causeOf(cause), cause);
  }

  /** The innermost message: Kafka wraps the useful one (e.g. "No resolvable bootstrap urls"). */
  private static String causeOf(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  private static String readable(Duration timeout) {
    return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
  }
}
