package io.daystream.ingestion.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One message to send and where it must end.
 *
 * @param label unique per message (a re-delivery repeats its original's label); also the Kafka key,
 *     so a quarantined message is found even when its id was mutated away
 * @param kind the mutation, e.g. "count: NaN token" or "good"
 * @param field the mutated field, or null for a message-level mutation
 * @param value the Kafka value; null for a tombstone
 * @param record for a message that lands: the values bronze must hold, field by field (free text
 *     as sent, compared with its raw copy)
 * @param redelivery a second copy of an earlier good message, which must land once in all
 */
public record FuzzMessage(String label, String kind, String field, byte[] value, Expected expected,
    Map<String, Object> record, boolean redelivery) {

  public byte[] key() {
    return label.getBytes(StandardCharsets.UTF_8);
  }

  /** "kind [field]", how reports name what was done to the message. */
  public String what() {
    return field == null ? kind : kind + " [" + field + "]";
  }
}
