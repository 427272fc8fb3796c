package io.daystream.ingestion.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Mutations of a whole message rather than of one field: empty values, bytes that are not UTF-8,
 * text that is not one JSON object, and harmless changes (unknown fields, spacing, field order,
 * escaped names) after which the record must still land as it was.
 */
public final class MessageMutations {

  /**
   * One change to a valid record's message.
   *
   * @param value the Kafka value made from the record's members (null: a tombstone)
   * @param expected when it lands, it lands with the record's own values
   */
  public record Mutation(String kind, Function<JsonFields, byte[]> value, Expected expected) {}

  private MessageMutations() {}

  /** The message mutations of a stream; {@code random} picks cut positions. */
  public static List<Mutation> of(StreamShape shape, Random random) {
    List<Mutation> out = new ArrayList<>();
    String firstRequired = shape.fields().stream().filter(FieldSpec::required).findFirst().orElseThrow().name();
    Expected malformed = Expected.quarantine("malformed JSON");

    out.add(new Mutation("tombstone (null value)", r -> null, Expected.quarantine("empty message")));
    out.add(new Mutation("zero-length value", r -> new byte[0], Expected.quarantine("empty message")));
    out.add(new Mutation("whitespace-only value", r -> utf8(" \n\t "),
        Expected.quarantine().orAnyOf("empty message", "malformed JSON")));
    for (String notAnObject : List.of("hello", "{", "}", "[]", "\"a string\"", "42", "null", "true", "{\"a\" 1}",
        "{'a':1}", "{a:1}")) {
      out.add(new Mutation("not a JSON object: " + notAnObject, r -> utf8(notAnObject), malformed));
    }
    out.add(new Mutation("top-level array holding the record", r -> utf8("[" + r.toJson() + "]"), malformed));
    out.add(new Mutation("the record as a JSON string", r -> utf8(FieldMutations.quote(r.toJson())), malformed));
    out.add(new Mutation("empty object", r -> utf8("{}"), Expected.quarantine("missing " + firstRequired)));
    out.add(new Mutation("record nested under an unknown field", r -> utf8("{\"record\":" + r.toJson() + "}"),
        Expected.quarantine("missing " + firstRequired)));
    out.add(new Mutation("truncated at a random point", r -> {
      String json = r.toJson();
      return utf8(json.substring(0, 1 + random.nextInt(json.length() - 1)));
    }, malformed));
    out.add(new Mutation("truncated before the closing brace", r -> {
      String json = r.toJson();
      return utf8(json.substring(0, json.length() - 1));
    }, malformed));
    out.add(new Mutation("truncated inside a multi-byte character", r -> {
      byte[] bytes = utf8(r.put("_note", "\"\u6771\"").toJson());
      int cut = indexOf(bytes, utf8("\u6771")) + 2;
      return Arrays.copyOf(bytes, cut);
    }, Expected.quarantine("message is not valid UTF-8")));
    for (String trailing : List.of("x", "}", ",", "{}", "[]", "null")) {
      out.add(new Mutation("trailing content " + trailing, r -> utf8(r.toJson() + trailing), malformed));
    }
    out.add(new Mutation("two records in one message", r -> utf8(r.toJson() + "\n" + r.toJson()), malformed));
    out.add(new Mutation("trailing comma inside the object", r -> {
      String json = r.toJson();
      return utf8(json.substring(0, json.length() - 1) + ",}");
    }, malformed));
    for (InvalidUtf8.Sequence sequence : InvalidUtf8.SEQUENCES) {
      out.add(new Mutation("invalid UTF-8 in a value: " + sequence.name(),
          r -> InvalidUtf8.encode(r.put("_note", "\"a" + sequence.placeholder() + "b\"").toJson()),
          Expected.quarantine("message is not valid UTF-8")));
    }
    out.add(new Mutation("invalid UTF-8 between fields", r -> {
      String json = r.toJson();
      return InvalidUtf8.encode("{" + InvalidUtf8.SEQUENCES.get(0).placeholder() + json.substring(1));
    }, Expected.quarantine("message is not valid UTF-8")));

    Expected lands = Expected.land();
    out.add(new Mutation("unknown extra string field", r -> utf8(r.put("extra_field", "\"x\"").toJson()), lands));
    out.add(new Mutation("unknown extra null field", r -> utf8(r.put("extra_null", "null").toJson()), lands));
    out.add(new Mutation("unknown extra nested object and array", r -> utf8(r.put("extra",
        "{\"a\":[1,2.5,{\"b\":null}],\"c\":{\"d\":\"e\",\"f\":[[true]]}}").toJson()), lands));
    out.add(new Mutation("unknown extra field nested 40 deep",
        r -> utf8(r.put("deep", "[".repeat(40) + "1" + "]".repeat(40)).toJson()), lands));
    out.add(new Mutation("unknown field spelled like a known one in upper case",
        r -> utf8(r.put(firstRequired.toUpperCase(), "\"OTHER\"").toJson()), lands));
    out.add(new Mutation("field order reversed", r -> utf8(r.reverse().toJson()), lands));
    out.add(new Mutation("pretty-printed", r -> utf8(r.toJson(" ", "\n  ")), lands));
    out.add(new Mutation("leading whitespace", r -> utf8(" \n\t" + r.toJson()), lands));
    out.add(new Mutation("trailing newline", r -> utf8(r.toJson() + "\n"), lands));
    String escapable = shape.fields().stream().map(FieldSpec::name).filter(n -> n.contains("_")).findFirst().orElseThrow();
    out.add(new Mutation("field name with an escaped character (" + escapable + ")",
        r -> utf8(r.respell(escapable, escapable.replace("_", "\\u005f")).toJson()), lands));
    return out;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
