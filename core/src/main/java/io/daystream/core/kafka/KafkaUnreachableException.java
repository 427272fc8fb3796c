package io.daystream.core.kafka;

/**
 * The configured Kafka cluster did not answer within {@code kafka.connect-timeout}. The message is
 * one line naming the servers and the key they came from; it never holds client properties.
 */
public final class KafkaUnreachableException extends RuntimeException {

  KafkaUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
