package io.daystream.ingestion.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Every way rules.md says one field of a valid record can go wrong (or be unusual and still fine),
 * each with the outcome rules.md gives it. One field is changed; the rest of the record stays
 * valid, so the expected reason is the one of that field.
 */
public final class FieldMutations {

  /**
   * One change to one field.
   *
   * @param landedValue what bronze holds in the field when {@code expected} lands
   */
  public record Mutation(String kind, UnaryOperator<JsonFields> edit, Expected expected, Object landedValue) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double MAX_PRICE = 1e9;
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity", "1e400", "-1e400");

  private final FieldSpec field;
  private final String name;
  private final JsonFields record;
  private final Random random;
  private final Instant now;
  private final int maxTextLength;
  private final List<Mutation> out = new ArrayList<>();

  private FieldMutations(FieldSpec field, JsonFields record, Random random, Instant now, int maxTextLength) {
    this.field = field;
    this.name = field.name();
    this.record = record;
    this.random = random;
    this.now = now;
    this.maxTextLength = maxTextLength;
  }

  /**
   * The mutations of {@code field} in {@code record} (a valid record, which is not changed).
   *
   * @param now the clock the "in the future" rules are judged against (a day of slack is allowed)
   */
  public static List<Mutation> of(FieldSpec field, JsonFields record, Random random, Instant now, int maxTextLength) {
    FieldMutations mutations = new FieldMutations(field, record, random, now, maxTextLength);
    mutations.common();
    switch (field.kind()) {
      case PLAIN_STRING -> mutations.plainString();
      case FREE_TEXT -> mutations.freeText();
      case STRING_ARRAY -> mutations.stringArray();
      case BOOLEAN -> mutations.bool();
      case COUNT, SIGNED_LONG, INTEGER -> mutations.integer();
      case PROBABILITY, PRICE, DOUBLE -> mutations.decimal();
      case TIMESTAMP -> mutations.timestamp();
      case DATE -> mutations.date();
    }
    return List.copyOf(mutations.out);
  }

  private void common() {
    String presence = field.required() ? "required field " : "optional field ";
    Expected gone = field.required() ? Expected.quarantine("missing " + name) : Expected.land();
    out.add(new Mutation(presence + "absent", r -> r.remove(name), gone, null));
    out.add(new Mutation(presence + "null", r -> r.put(name, "null"), gone, null));
    String value = record.rawValue(name);
    out.add(new Mutation("duplicate field, same value", r -> r.duplicate(name, value), Expected.quarantine("malformed JSON"), null));
    String other = value.equals("null") ? "\"x\"" : "null";
    out.add(new Mutation("duplicate field, second one " + other, r -> r.duplicate(name, other),
        Expected.quarantine("malformed JSON"), null));
  }

  private void plainString() {
    String base = text();
    String label = kindName() + ": ";
    if (field.required()) {
      quarantine(label + "empty string", quote(""), "missing " + name);
      quarantine(label + "whitespace only", quote("   "), "missing " + name);
    } else {
      land(label + "empty string", quote(""), "");
      land(label + "whitespace only", quote("   "), "   ");
    }
    land(label + "accents, CJK and emoji", quote(base + "-\u00e9\u6771\ud83d\ude00"), base + "-\u00e9\u6771\ud83d\ude00");
    land(label + "escaped \\u00e9 and \\/", "\"" + escape(base) + "\\u00e9\\/x\"", base + "\u00e9/x");
    land(label + "512 characters", quote(padded(base, 512)), padded(base, 512));
    quarantine(label + "513 characters", quote(padded(base, 513)), name + " longer than 512 characters: 513");
    quarantine(label + "10000 characters", quote(padded(base, 10_000)), name + " longer than 512 characters: 10000");
    for (char control : new char[] {'\u0000', '\u0001', '\u001f', '\t', '\n', '\r'}) {
      quarantine(label + String.format("escaped control character U+%04X", (int) control), quote(base + control + "x"),
          "control character", name);
    }
    // DEL may stand unescaped in JSON; it is still a control character.
    quarantine(label + "DEL (U+007F)", "\"" + escape(base) + "\u007f\"", "control character", name);
    stringSyntax(label, base);
    wrongTypes(label, "42", "-7", "3.5", "true", "{\"value\":\"x\"}", "{}", "[\"" + base + "\"]", "[]",
        "{\"a\":{\"b\":[1,{\"c\":null}]}}");
  }

  private void freeText() {
    String base = text();
    String label = "free text: ";
    land(label + "empty string", quote(""), "");
    land(label + "whitespace only", quote("  \t "), "  \t ");
    land(label + "newlines, tabs, CR", quote("a\nb\tc\r\nd " + base), "a\nb\tc\r\nd " + base);
    land(label + "NUL, U+0001, DEL", quote("a\u0000b\u0001c\u007fd"), "a\u0000b\u0001c\u007fd");
    land(label + "scripts and emoji", quote("\u0645\u0631\u062d\u0628\u0627 \u6771\u4eac \ud83d\ude00\ud83d\udcc8 e\u0301"),
        "\u0645\u0631\u062d\u0628\u0627 \u6771\u4eac \ud83d\ude00\ud83d\udcc8 e\u0301");
    land(label + "escaped surrogate pair", "\"x \\ud83d\\ude00\"", "x \ud83d\ude00");
    if (field.cleanedText()) {
      String html = "<p>Fish &amp; <b>chips</b> <a href=\"https://example.org/m\">menu</a></p>";
      land(label + "HTML", quote(html), html);
    }
    land(label + "exactly max-text-length", quote("x".repeat(maxTextLength)), "x".repeat(maxTextLength));
    quarantine(label + "max-text-length + 1", quote("y".repeat(maxTextLength + 1)),
        name + " longer than " + maxTextLength + " characters: " + (maxTextLength + 1));
    quarantine(label + "100000 characters", quote("z".repeat(100_000)),
        name + " longer than " + maxTextLength + " characters: 100000");
    stringSyntax(label, base);
    wrongTypes(label, "42", "true", "{\"text\":\"x\"}", "[\"x\"]", "[]");
  }

  /** What a string field's JSON can get wrong whatever its content rules. */
  private void stringSyntax(String label, String base) {
    quarantine(label + "unescaped tab inside the string", "\"" + escape(base) + "\tx\"", "malformed JSON");
    quarantine(label + "unescaped newline inside the string", "\"" + escape(base) + "\nx\"", "malformed JSON");
    quarantine(label + "single-quoted", "'" + base + "'", "malformed JSON");
    quarantine(label + "bare word", "abc", "malformed JSON");
    quarantine(label + "unknown escape \\q", "\"a\\qb\"", "malformed JSON");
    InvalidUtf8.Sequence bad = InvalidUtf8.SEQUENCES.get(random.nextInt(InvalidUtf8.SEQUENCES.size()));
    quarantine(label + "invalid UTF-8 inside the value", "\"" + escape(base) + bad.placeholder() + "\"",
        "message is not valid UTF-8");
  }

  private void stringArray() {
    String label = "string array: ";
    land(label + "empty", "[]", List.of());
    land(label + "two elements", "[\"a\",\"b\"]", List.of("a", "b"));
    land(label + "empty-string element", "[\"\"]", List.of(""));
    land(label + "emoji element", "[\"\u00e9t\u00e9\",\"\ud83d\ude80\"]", List.of("\u00e9t\u00e9", "\ud83d\ude80"));
    List<String> thousand = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      thousand.add("e" + i);
    }
    land(label + "1000 elements", array(thousand), thousand);
    List<String> tooMany = new ArrayList<>(thousand);
    tooMany.add("e1000");
    quarantine(label + "1001 elements", array(tooMany), name, "1000");
    land(label + "512-character element", array(List.of("a", "b".repeat(512))), List.of("a", "b".repeat(512)));
    quarantine(label + "513-character element", array(List.of("a", "c".repeat(513))), name,
        "longer than 512 characters: 513");
    quarantine(label + "element with U+0001", "[\"a\\u0001b\"]", "control character", name);
    quarantine(label + "element with newline", "[\"a\",\"b\\nc\"]", "control character", name);
    quarantine(label + "unescaped tab in an element", "[\"a\tb\"]", "malformed JSON");
    quarantine(label + "trailing comma", "[\"a\",]", "malformed JSON");
    quarantine(label + "unclosed", "[\"a\"", "malformed JSON");
    wrongTypes(label, "\"a\"", "\"\"", "42", "true", "{\"0\":\"a\"}", "[null]", "[\"a\",null]", "[1]", "[1.5]",
        "[true]", "[[\"a\"]]", "[[]]", "[{\"a\":\"b\"}]");
  }

  private void bool() {
    String label = "boolean: ";
    land(label + "true", "true", true);
    land(label + "false", "false", false);
    quarantine(label + "True", "True", "malformed JSON");
    quarantine(label + "TRUE", "TRUE", "malformed JSON");
    wrongTypes(label, "1", "0", "\"true\"", "\"yes\"", "\"\"", "{}", "[]", "[true]");
  }

  private void integer() {
    String label = kindName() + ": ";
    boolean count = field.kind() == FieldKind.COUNT;
    boolean isInt = field.kind() == FieldKind.INTEGER;
    long limit = isInt ? Integer.MAX_VALUE : 1_000_000_000_000L;
    String[] range = {"out of range", "not a finite number"};
    land(label + "zero", "0", typed(0));
    land(label + "3.0", "3.0", typed(3));
    land(label + "3e2", "3e2", typed(300));
    land(label + "2.50E+1", "2.50E+1", typed(25));
    land(label + "upper limit", Long.toString(limit), typed(limit));
    land(label + "upper limit as 1.0e12 / float", isInt ? "2.147483647E9" : "1.0e12", typed(limit));
    String tooBig = isInt ? "2147483648" : "1000000000001";
    quarantine(label + "upper limit + 1", tooBig, name).orAnyOf(range);
    quarantine(label + "9223372036854775807", "9223372036854775807", name).orAnyOf(range);
    quarantine(label + "9223372036854775808", "9223372036854775808", name).orAnyOf(range);
    quarantine(label + "1e30", "1e30", name).orAnyOf(range);
    quarantine(label + "23-digit integer", "12345678901234567890123", name).orAnyOf(range);
    quarantine(label + "2.5", "2.5", "whole number", name);
    quarantine(label + "0.5", "0.5", "whole number", name);
    quarantine(label + "1e-7", "1e-7", "whole number", name);
    for (String token : NON_FINITE) {
      boolean negative = token.startsWith("-");
      if (count && negative) {
        quarantine(label + token, token, name).orAnyOf("out of range", "not a finite number", "negative " + name);
      } else {
        quarantine(label + token, token, name).orAnyOf(range);
      }
    }
    if (count) {
      quarantine(label + "-1", "-1", "negative " + name);
      quarantine(label + "-3.0", "-3.0", "negative " + name);
      quarantine(label + "-1e12", "-1e12", "negative " + name);
      quarantine(label + "-9223372036854775809", "-9223372036854775809", name)
          .orAnyOf("out of range", "not a finite number", "negative " + name);
    } else {
      land(label + "-1 (not a count)", "-1", typed(-1));
      land(label + "-7.0 (not a count)", "-7.0", typed(-7));
      land(label + "lower limit (not a count)", Long.toString(-limit), typed(-limit));
      quarantine(label + "lower limit - 1", isInt ? "-2147483649" : "-1000000000001", name).orAnyOf(range);
    }
    numberSyntax(label);
    wrongTypes(label, "\"42\"", "\"\"", "true", "{}", "{\"value\":1}", "[]", "[1]");
  }

  private void decimal() {
    String label = kindName() + ": ";
    for (String token : NON_FINITE) {
      Expected finite = Expected.quarantine("not a finite number", name);
      if (field.kind() == FieldKind.PRICE && (token.equals("-Infinity") || token.equals("-1e400"))) {
        finite = finite.orAnyOf("not a finite number", "non-positive " + name);
      }
      out.add(new Mutation(label + token, r -> r.put(name, token), finite, null));
    }
    List<String> values = switch (field.kind()) {
      case PROBABILITY -> List.of("0", "1", "0.5", "1.0E-5", "1e-320", "4.9e-324", "0.9999999999999999", "1.0000001",
          "-0.1", "-1e-300", "2", "1e308", "9223372036854775808");
      case PRICE -> List.of("100", "0.01", "1e9", "1.5e2", "0", "-1", "-0.01", "1000000000.01", "1e10", "1e30",
          "9223372036854775808", bound(-0.01), bound(0), bound(0.01));
      default -> List.of("100", "0.5", "1e-320", "1e9", "7");
    };
    for (String token : values) {
      double value = Double.parseDouble(token);
      List<String> failures = decimalFailures(value);
      Expected expected;
      if (failures.isEmpty()) {
        expected = Expected.land();
      } else if (failures.size() > 1) {
        // rules.md does not say whether "high below low" comes before a field's own bound.
        expected = Expected.quarantine().orAnyOf(failures.toArray(String[]::new));
      } else if (failures.get(0).equals("high below low")) {
        expected = Expected.quarantine("high below low");
      } else {
        expected = Expected.quarantine(failures.get(0), name);
      }
      out.add(new Mutation(label + describeDecimal(token), r -> r.put(name, token), expected, value));
    }
    numberSyntax(label);
    wrongTypes(label, "\"1.5\"", "\"NaN\"", "true", "{}", "[1.5]", "[]");
  }

  /** Why rules.md refuses {@code value} in this field, in the order it lists them; empty if it lands. */
  private List<String> decimalFailures(double value) {
    List<String> failures = new ArrayList<>();
    if (field.kind() == FieldKind.PROBABILITY && (value < 0 || value > 1)) {
      failures.add("outside [0, 1]");
    }
    if (field.kind() == FieldKind.PRICE) {
      if (value <= 0) {
        failures.add("non-positive " + name);
      }
      if (value > MAX_PRICE) {
        failures.add("above");
      }
      double low = Double.parseDouble(record.rawValue("low"));
      double high = Double.parseDouble(record.rawValue("high"));
      if ((name.equals("high") && value < low) || (name.equals("low") && value > high)) {
        failures.add("high below low");
      }
    }
    return failures;
  }

  /** The other bound of a high or low (low for high, high for low) plus {@code delta}; else a mid price. */
  private String bound(double delta) {
    double other = name.equals("high") ? Double.parseDouble(record.rawValue("low"))
        : name.equals("low") ? Double.parseDouble(record.rawValue("high")) : 50;
    return Double.toString(Math.round((other + delta) * 100) / 100.0);
  }

  private String describeDecimal(String token) {
    if (field.kind() != FieldKind.PRICE || !(name.equals("high") || name.equals("low"))) {
      return token;
    }
    String other = name.equals("high") ? "low" : "high";
    double otherValue = Double.parseDouble(record.rawValue(other));
    double value = Double.parseDouble(token);
    double delta = Math.round((value - otherValue) * 100) / 100.0;
    return Math.abs(delta) <= 0.011 ? other + (delta > 0 ? " + 0.01" : delta < 0 ? " - 0.01" : "") : token;
  }

  /** Number spellings JSON does not allow. */
  private void numberSyntax(String label) {
    for (String token : List.of("+5", "05", ".5", "5.", "0x10", "1_000", "1e", "--1")) {
      quarantine(label + "not a JSON number " + token, token, "malformed JSON");
    }
  }

  private void timestamp() {
    String label = "timestamp: ";
    Instant t = StreamShape.BASE_TIME.plusSeconds(random.nextInt(StreamShape.SPREAD_SECONDS));
    String utc = SECONDS.format(t.atOffset(ZoneOffset.UTC));
    land(label + "ISO with Z", quote(utc + "Z"), t);
    land(label + "space instead of T", quote(utc.replace('T', ' ') + "Z"), t);
    Instant minute = t.truncatedTo(ChronoUnit.MINUTES);
    land(label + "no seconds", quote(SECONDS.format(minute.atOffset(ZoneOffset.UTC)).substring(0, 16) + "Z"), minute);
    land(label + "fraction .5", quote(utc + ".5Z"), t.plusMillis(500));
    land(label + "fraction 3 digits", quote(utc + ".123Z"), t.plusMillis(123));
    land(label + "fraction 6 digits", quote(utc + ".123456Z"), t.plusNanos(123_456_000));
    land(label + "fraction 9 digits", quote(utc + ".123456789Z"), t.plusNanos(123_456_789));
    for (String offset : List.of("+02:00", "+0200", "+02", "-05:30", "+00:00")) {
      ZoneOffset zone = ZoneOffset.of(offset.length() == 3 ? offset + ":00" : offset.length() == 5
          ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
      land(label + "offset " + offset, quote(SECONDS.format(t.atOffset(zone)) + offset), t);
    }
    land(label + "no zone (UTC)", quote(utc), t);
    LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
    land(label + "bare date", quote(day.toString()), day.atStartOfDay(ZoneOffset.UTC).toInstant());
    if (!field.eventTime()) {
      // Valid but far from the other records: only where it is not the event time, which the
      // late-data watermark would judge.
      land(label + "1900-01-01T00:00:00Z", quote("1900-01-01T00:00:00Z"), Instant.parse("1900-01-01T00:00:00Z"));
      land(label + "1899-12-31T23:30:00-01:00 (1900 in UTC)", quote("1899-12-31T23:30:00-01:00"),
          Instant.parse("1900-01-01T00:30:00Z"));
      Instant soon = now.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
      land(label + "now + 1 hour", quote(soon.toString()), soon);
    }
    for (String impossible : List.of("2021-02-30T10:00:00Z", "2020-02-30T10:00:00Z", "2021-02-29T10:00:00Z",
        "2021-02-30", "2021-13-01T00:00:00Z", "2021-03-00T10:00:00Z", "2021-03-01T25:61:00Z", "2021-03-01T25:00:00Z",
        "2021-03-01T10:60:00Z", "2021-03-01T10:00:61Z", "2021-3-1T6:00:00Z", "soon", "1614578400",
        "2021-03-01T06:00:00+25:00", "2021-03-01T06:00:00.1234567891Z", "2021-03-01T06:00:00Z later",
        "03/01/2021 06:00")) {
      quarantine(label + "\"" + impossible + "\"", quote(impossible), "not a valid timestamp", name);
    }
    if (field.required()) {
      quarantine(label + "empty string", quote(""), name).orAnyOf("missing " + name, "not a valid timestamp");
      quarantine(label + "whitespace only", quote("  "), name).orAnyOf("missing " + name, "not a valid timestamp");
    } else {
      quarantine(label + "empty string", quote(""), "not a valid timestamp", name);
      quarantine(label + "whitespace only", quote("  "), "not a valid timestamp", name);
    }
    for (String yearZero : List.of("0000-01-01", "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
      quarantine(label + "\"" + yearZero + "\"", quote(yearZero), name).orAnyOf("before 1900", "not a valid timestamp");
    }
    for (String old : List.of("1899-12-31", "1899-12-31T23:59:59Z", "1000-01-01T00:00:00Z")) {
      quarantine(label + "\"" + old + "\"", quote(old), "before 1900", name);
    }
    quarantine(label + "\"9999-12-31T23:59:59Z\"", quote("9999-12-31T23:59:59Z"), name + " is in the future");
    quarantine(label + "\"2999-01-01\"", quote("2999-01-01"), name + " is in the future");
    quarantine(label + "now + 2 days", quote(now.plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()),
        name + " is in the future");
    for (String huge : List.of("10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
      quarantine(label + "\"" + huge + "\"", quote(huge), name).orAnyOf("not a valid timestamp", "is in the future");
    }
    wrongTypes(label, Long.toString(t.getEpochSecond()), Long.toString(t.toEpochMilli()), "1.6145784E9", "true",
        "{\"$date\":\"" + utc + "Z\"}", "[\"" + utc + "Z\"]");
  }

  private void date() {
    String label = "date: ";
    String base = text();
    land(label + "yyyy-MM-dd", quote(base), LocalDate.parse(base));
    for (String impossible : List.of("2021-02-30", "2021-02-29", "2020-02-30", "2021-13-01", "2021-03-32",
        "2021-03-00", "2021-3-1", base + "T00:00:00Z", base + " 00:00", "03/01/2021", "20210301", "soon")) {
      quarantine(label + "\"" + impossible.replace(base, "day") + "\"", quote(impossible), "not a valid date", name);
    }
    quarantine(label + "\"0000-01-01\"", quote("0000-01-01"), name).orAnyOf("before 1900", "not a valid date");
    quarantine(label + "\"1899-12-31\"", quote("1899-12-31"), "before 1900", name);
    quarantine(label + "\"9999-12-31\"", quote("9999-12-31"), name + " is in the future");
    quarantine(label + "today + 3 days", quote(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(3).toString()),
        name + " is in the future");
    for (String huge : List.of("10000-01-01", "+10000-01-01")) {
      quarantine(label + "\"" + huge + "\"", quote(huge), name).orAnyOf("not a valid date", "is in the future");
    }
    quarantine(label + "empty string", quote(""), name).orAnyOf("missing " + name, "not a valid date");
    quarantine(label + "whitespace only", quote("   "), name).orAnyOf("missing " + name, "not a valid date");
    wrongTypes(label, "20210301", "18687", "true", "{\"date\":\"" + base + "\"}", "[\"" + base + "\"]");
  }

  private void wrongTypes(String label, String... tokens) {
    for (String token : tokens) {
      quarantine(label + "wrong type " + token.substring(0, Math.min(token.length(), 24)), token, "wrong type", name);
    }
  }

  private void land(String kind, String raw, Object value) {
    out.add(new Mutation(kind, r -> r.put(name, raw), Expected.land(), value));
  }

  /** Adds a quarantine case whose reason must hold every fragment; returns a handle to refine it. */
  private Refinable quarantine(String kind, String raw, String... fragments) {
    int index = out.size();
    out.add(new Mutation(kind, r -> r.put(name, raw), Expected.quarantine(fragments), null));
    return alternatives -> out.set(index, new Mutation(kind, out.get(index).edit(),
        out.get(index).expected().orAnyOf(alternatives), null));
  }

  /** Lets a quarantine case also accept one of several reasons, where rules.md leaves the order open. */
  private interface Refinable {
    void orAnyOf(String... alternatives);
  }

  private Object typed(long value) {
    return field.kind() == FieldKind.INTEGER ? (Object) (int) value : (Object) value;
  }

  private String kindName() {
    return switch (field.kind()) {
      case PLAIN_STRING -> field.required() ? "required string" : "optional string";
      case COUNT -> "count";
      case SIGNED_LONG -> "signed long";
      case INTEGER -> "integer";
      case PROBABILITY -> "probability";
      case PRICE -> "price " + name;
      case DOUBLE -> "double";
      default -> field.kind().name().toLowerCase();
    };
  }

  private String text() {
    String raw = record.rawValue(name);
    try {
      String value = raw.equals("null") ? null : MAPPER.readTree(raw).textValue();
      return value == null ? "v" : value;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String padded(String base, int length) {
    return base + "-" + "x".repeat(length - base.length() - 1);
  }

  static String quote(String value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code value} as the inside of a JSON string (without the quotes). */
  private static String escape(String value) {
    String quoted = quote(value);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String array(List<String> values) {
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
