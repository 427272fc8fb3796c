package io.daystream.ingestion.replay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

/**
 * Turns good JSON messages into the bad kinds a real stream delivers, so reliability runs can
 * check that each lands in the quarantine and the good ones around it do not suffer. One kind,
 * {@link Kind#DUPLICATE}, leaves the message whole and has it sent twice: a re-delivery, which must
 * land once and never in the quarantine.
 */
public final class MalformedMessages {

  /** The kinds of damage. */
  public enum Kind {
    TRUNCATED_JSON,
    WRONG_TYPE,
    MISSING_ID,
    OVERSIZED_TEXT,
    INVALID_UTF8,
    FUTURE_TIME,
    DUPLICATE;

    /** Whether a message damaged this way belongs in the quarantine. */
    public boolean isBad() {
      return this != DUPLICATE;
    }
  }

  /** Longer than any sane text limit (ingestion.max-text-length defaults to 20,000). */
  static final int OVERSIZED_CHARS = 1_000_000;

  /** Far beyond any clock skew that ingestion tolerates. */
  static final String FUTURE_TIME = "2100-01-01T00:00:00Z";

  private final SplittableRandom random;
  private final double fraction;
  private final String idField;
  private final String timeField;
  private final Optional<String> textField;
  private final List<Kind> kinds;

  /**
   * @param fraction share of messages to damage, in [0, 1]
   * @param idField the message's required id field
   * @param timeField its event-time field, which a wrong type replaces by text that is no time
   * @param textField its free-text field, if it has one (only then can a text be oversized)
   */
  public MalformedMessages(double fraction, long seed, String idField, String timeField, Optional<String> textField) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("malformed fraction must be in [0, 1], was " + fraction);
    }
    this.fraction = fraction;
    this.random = new SplittableRandom(seed);
    this.idField = idField;
    this.timeField = timeField;
    this.textField = textField;
    this.kinds = new ArrayList<>(List.of(Kind.values()));
    if (textField.isEmpty()) {
      kinds.remove(Kind.OVERSIZED_TEXT);
    }
  }

  /** The kind of damage for the next message, or empty to send it as it is. */
  public Optional<Kind> next() {
    if (fraction == 0 || random.nextDouble() >= fraction) {
      return Optional.empty();
    }
    return Optional.of(kinds.get(random.nextInt(kinds.size())));
  }

  /** Damages {@code json} in the given way. */
  public byte[] damage(String json, Kind kind) {
    String id = "\"" + idField + "\":\"[^\"]*\"";
    return switch (kind) {
      case TRUNCATED_JSON -> utf8(json.substring(0, Math.max(1, json.length() / 2)));
      // Text where a timestamp belongs. (A string field would take any JSON value as its text.)
      case WRONG_TYPE -> utf8(replaceTime(json, "soon"));
      case MISSING_ID -> utf8(json.replaceFirst(id + ",?", ""));
      case OVERSIZED_TEXT -> utf8(json.replaceFirst("\"" + textField.orElseThrow() + "\":\"(?:[^\"\\\\]|\\\\.)*\"",
          Matcher.quoteReplacement("\"" + textField.get() + "\":\"" + "x".repeat(OVERSIZED_CHARS) + "\"")));
      case INVALID_UTF8 -> invalidUtf8(json);
      case FUTURE_TIME -> utf8(replaceTime(json, FUTURE_TIME));
      case DUPLICATE -> utf8(json);
    };
  }

  private String replaceTime(String json, String time) {
    return json.replaceFirst("\"" + timeField + "\":\"[^\"]*\"", "\"" + timeField + "\":\"" + time + "\"");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8(String json) {
    byte[] bytes = utf8(json);
    byte[] damaged = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, damaged, 0, bytes.length - 1);
    // 0xC3 must be followed by a continuation byte; 0x28 '(' is not one. Placed before the final '}'.
    damaged[bytes.length - 1] = (byte) 0xC3;
    damaged[bytes.length] = (byte) 0x28;
    damaged[bytes.length + 1] = bytes[bytes.length - 1];
    return damaged;
  }
}
