package io.daystream.ingestion.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads one message's bytes into its field values, or says why it cannot be ingested. Never
 * throws on any input: every defect of a message becomes its reason, so no value can stop a
 * streaming query (Spark's own JSON reader throws on some values, e.g. an impossible date).
 * The reason is the first one found: message-level defects (empty, not UTF-8, not a JSON object)
 * first, then fields in schema order, then rules across fields.
 */
public final class MessageDecoder implements Serializable {

  /** How far in the future a time may be before it is rejected (clock skew allowance). */
  public static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

  private static final Instant EARLIEST = IsoTime.EARLIEST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  private static final BigDecimal WHOLE_NUMBER_LIMIT = BigDecimal.valueOf(1_000_000_000_000L);
  private static final int QUOTED_VALUE_CHARS = 40;

  /** NaN and Infinity are read as tokens so that they get a precise reason, not "malformed". */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final StreamContract contract;

  public MessageDecoder(StreamContract contract) {
    this.contract = contract;
  }

  /**
   * A message's field values in schema order (null when absent or unreadable) and the reason it is
   * rejected, null when it is good. A message rejected for a field still has the values of the
   * fields that could be read (its event day, say); one that is no JSON object has none.
   */
  public record Decoded(Object[] values, String reason) {
    public boolean isValid() {
      return reason == null;
    }

    static Decoded rejected(String reason) {
      return new Decoded(null, reason);
    }
  }

  /** @param now the clock against which "in the future" is judged */
  public Decoded decode(byte[] value, Instant now) {
    if (value == null || value.length == 0) {
      return Decoded.rejected("empty message");
    }
    if (!Utf8.isValid(value)) {
      return Decoded.rejected("message is not valid UTF-8");
    }
    List<FieldContract> fields = contract.fields();
    Object[] values = new Object[fields.size()];
    String[] problems = new String[fields.size()];
    try (JsonParser parser = JSON.createParser(value)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Decoded.rejected("malformed JSON: the message is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int index = contract.indexOf(parser.currentName());
        JsonToken token = parser.nextToken();
        if (index < 0) {
          parser.skipChildren(); // a field this stream does not know: ignored, as JSON readers do
          continue;
        }
        FieldContract field = fields.get(index);
        if (token != JsonToken.VALUE_NULL) {
          try {
            values[index] = read(field, parser, token, now);
          } catch (FieldProblem problem) {
            problems[index] = problem.getMessage();
            parser.skipChildren();
          }
        }
      }
      if (parser.nextToken() != null) {
        return Decoded.rejected("malformed JSON: content after the object");
      }
    } catch (JsonProcessingException e) {
      return Decoded.rejected("malformed JSON: " + shorten(e.getOriginalMessage(), 120));
    } catch (IOException e) {
      return Decoded.rejected("malformed JSON: " + shorten(String.valueOf(e.getMessage()), 120));
    }
    for (int i = 0; i < fields.size(); i++) {
      if (problems[i] != null) {
        return new Decoded(values, problems[i]);
      }
      if (fields.get(i).required() && (values[i] == null || isBlank(values[i]))) {
        return new Decoded(values, "missing " + fields.get(i).name());
      }
    }
    return new Decoded(values, contract.crossFieldReason(values));
  }

  private Object read(FieldContract field, JsonParser parser, JsonToken token, Instant now) throws IOException {
    return switch (field.kind()) {
      case IDENTIFIER -> identifier(field.name(), string(field, parser, token));
      case FREE_TEXT -> freeText(field.name(), string(field, parser, token));
      case STRING_ARRAY -> stringArray(field, parser, token);
      case WHOLE_NUMBER -> wholeNumber(field, parser, token);
      case NUMBER -> number(field, parser, token);
      case BOOLEAN -> {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw wrongType(field, token);
        }
        yield token == JsonToken.VALUE_TRUE;
      }
      case TIMESTAMP -> timestamp(field.name(), string(field, parser, token), now);
      case DATE -> date(field.name(), string(field, parser, token), now);
    };
  }

  private static String string(FieldContract field, JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(field, token);
    }
    return parser.getText();
  }

  private static String identifier(String name, String text) {
    if (text.length() > FieldContract.MAX_ID_LENGTH) {
      throw new FieldProblem(name + " longer than " + FieldContract.MAX_ID_LENGTH + " characters: " + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw new FieldProblem(name + " contains a control character (U+" + String.format("%04X", (int) c) + ")");
      }
    }
    checkSurrogates(name, text);
    return text;
  }

  private String freeText(String name, String text) {
    if (text.length() > contract.maxTextLength()) {
      int characters = text.codePointCount(0, text.length());
      if (characters > contract.maxTextLength()) {
        throw new FieldProblem(name + " longer than " + contract.maxTextLength() + " characters: " + characters);
      }
    }
    checkSurrogates(name, text);
    return text;
  }

  /** An escaped lone surrogate ("\ud800") decodes to a Java string that no UTF-8 column can hold. */
  private static void checkSurrogates(String name, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new FieldProblem(name + " is not valid Unicode (an unpaired surrogate)");
      }
    }
  }

  private static List<String> stringArray(FieldContract field, JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(field, token);
    }
    List<String> elements = new ArrayList<>();
    String problem = null;
    for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
      if (problem != null) {
        parser.skipChildren();
      } else if (element != JsonToken.VALUE_STRING) {
        problem = field.name() + ": wrong type, expected an array of strings, got an array holding "
            + describe(element);
        parser.skipChildren();
      } else if (elements.size() == FieldContract.MAX_ARRAY_ELEMENTS) {
        problem = field.name() + " has more than " + FieldContract.MAX_ARRAY_ELEMENTS + " elements";
      } else {
        try {
          elements.add(identifier(field.name(), parser.getText()));
        } catch (FieldProblem p) {
          problem = p.getMessage();
        }
      }
    }
    if (problem != null) {
      throw new FieldProblem(problem); // thrown after the array is consumed: the parser stays in step
    }
    return elements;
  }

  private static Object wholeNumber(FieldContract field, JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType(field, token);
    }
    if (parser.isNaN()) {
      throw new FieldProblem(field.name() + ": " + parser.getText() + " is not a finite number");
    }
    BigDecimal decimal = token == JsonToken.VALUE_NUMBER_INT
        ? new BigDecimal(parser.getBigIntegerValue())
        : parser.getDecimalValue();
    // Bound first: 1e999999999 is a valid JSON number whose exact integer would not fit in memory.
    if (decimal.abs().compareTo(WHOLE_NUMBER_LIMIT) > 0) {
      throw new FieldProblem(field.name() + ": " + shorten(parser.getText(), QUOTED_VALUE_CHARS)
          + " is out of range (sane limit 1e12)");
    }
    if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
      throw new FieldProblem(field.name() + ": " + shorten(parser.getText(), QUOTED_VALUE_CHARS)
          + " is not a whole number");
    }
    long whole = decimal.longValueExact();
    String outOfRange = field.range().check(field.name(), whole);
    if (outOfRange != null) {
      throw new FieldProblem(outOfRange);
    }
    if (field.type().equals(DataTypes.IntegerType)) {
      if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
        throw new FieldProblem(field.name() + ": " + whole + " is out of range of a 32-bit integer");
      }
      return (int) whole;
    }
    return whole;
  }

  private static double number(FieldContract field, JsonParser parser, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType(field, token);
    }
    double value = parser.getDoubleValue();
    if (parser.isNaN() || !Double.isFinite(value)) {
      throw new FieldProblem(field.name() + ": " + shorten(parser.getText(), QUOTED_VALUE_CHARS)
          + " is not a finite number");
    }
    String outOfRange = field.range().check(field.name(), value);
    if (outOfRange != null) {
      throw new FieldProblem(outOfRange);
    }
    return value;
  }

  private static Instant timestamp(String name, String text, Instant now) {
    Instant time;
    try {
      time = IsoTime.parseTimestamp(text);
    } catch (DateTimeException | ArithmeticException e) {
      throw new FieldProblem(name + ": '" + shorten(text, QUOTED_VALUE_CHARS) + "' is not a valid timestamp");
    }
    checkWithinTime(name, text, time, now);
    return time;
  }

  private static LocalDate date(String name, String text, Instant now) {
    LocalDate day;
    try {
      day = IsoTime.parseDate(text);
    } catch (DateTimeException e) {
      throw new FieldProblem(name + ": '" + shorten(text, QUOTED_VALUE_CHARS) + "' is not a valid date");
    }
    checkWithinTime(name, text, day.atStartOfDay(ZoneOffset.UTC).toInstant(), now);
    return day;
  }

  private static void checkWithinTime(String name, String text, Instant time, Instant now) {
    if (time.isBefore(EARLIEST)) {
      throw new FieldProblem(name + ": " + text + " is before " + IsoTime.EARLIEST_DAY);
    }
    if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw new FieldProblem(name + " is in the future");
    }
  }

  private static FieldProblem wrongType(FieldContract field, JsonToken token) {
    return new FieldProblem(field.name() + ": wrong type, expected " + field.kind().expected() + ", got "
        + describe(token));
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> String.valueOf(token);
    };
  }

  private static boolean isBlank(Object value) {
    return value instanceof String text && text.isBlank();
  }

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
  }

  /** A field's defect; carries no stack trace, since it is an expected outcome, not an error. */
  private static final class FieldProblem extends RuntimeException {
    FieldProblem(String reason) {
      super(reason, null, false, false);
    }
  }
}
