package io.daystream.ingestion.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares where a stream's fuzz messages ended (bronze rows, quarantine rows, a query failure)
 * with where rules.md puts them, and reports the differences grouped by mutation and by what
 * happened instead, a few examples each: what a parser author needs, not one line per message.
 */
public final class FuzzVerdict {

  /** A quarantine row of the stream: the Kafka key (the message label), coordinates and reason. */
  public record QuarantineRow(String key, String topic, int partition, long offset, String reason) {}

  /** One message not where it belongs. */
  public record Mismatch(String kind, String field, String expected, String observed, String example) {

    /** The expectation or observation with this message's field name as X, so that fields group. */
    String general(String text) {
      return field == null ? text : text.replaceAll("\\b" + java.util.regex.Pattern.quote(field) + "\\b", "X");
    }
  }

  private static final int EXAMPLES = 4;
  private static final String NOWHERE = "neither in bronze nor in the quarantine";
  private static final int VALUE_TEXT = 70;

  private final StreamShape shape;
  private final List<FuzzMessage> messages;
  private final List<Mismatch> mismatches = new ArrayList<>();
  private final Optional<String> queryFailure;
  private final int bronzeRows;
  private final int quarantineRows;

  private FuzzVerdict(StreamShape shape, List<FuzzMessage> messages, Optional<String> queryFailure, int bronzeRows,
      int quarantineRows) {
    this.shape = shape;
    this.messages = messages;
    this.queryFailure = queryFailure;
    this.bronzeRows = bronzeRows;
    this.quarantineRows = quarantineRows;
  }

  /**
   * @param bronze the stream's bronze rows, each as field name to value (the types of
   *     {@link StreamShape#typedValues}; a cleaned text field holds its raw copy)
   */
  public static FuzzVerdict judge(StreamShape shape, List<FuzzMessage> messages, List<Map<String, Object>> bronze,
      List<QuarantineRow> quarantine, Optional<String> queryFailure) {
    FuzzVerdict verdict = new FuzzVerdict(shape, messages, queryFailure, bronze.size(), quarantine.size());
    verdict.compare(bronze, quarantine);
    return verdict;
  }

  public boolean clean() {
    return mismatches.isEmpty() && queryFailure.isEmpty();
  }

  public List<Mismatch> mismatches() {
    return List.copyOf(mismatches);
  }

  private void compare(List<Map<String, Object>> bronze, List<QuarantineRow> quarantine) {
    List<String> keyColumns = shape.stream().keyColumns();
    Map<List<Object>, List<Map<String, Object>>> bronzeByKey = bronze.stream()
        .collect(Collectors.groupingBy(row -> naturalKey(row, keyColumns), LinkedHashMap::new, Collectors.toList()));
    java.util.Set<String> landedLabels = new java.util.HashSet<>();
    bronze.forEach(row -> landedLabels.add(labelOf(row)));
    Map<String, List<QuarantineRow>> quarantinedByKey = quarantine.stream()
        .collect(Collectors.groupingBy(row -> String.valueOf(row.key())));
    Map<String, FuzzMessage> byLabel = new HashMap<>();
    Map<List<Object>, FuzzMessage> landingByKey = new HashMap<>();
    for (FuzzMessage message : messages) {
      if (message.redelivery()) {
        continue;
      }
      byLabel.put(message.label(), message);
      if (message.expected().lands()) {
        landingByKey.put(naturalKey(message.record(), keyColumns), message);
      }
    }

    quarantine.stream()
        .collect(Collectors.groupingBy(row -> row.topic() + "/" + row.partition() + "@" + row.offset()))
        .forEach((coordinates, rows) -> {
          if (rows.size() > 1) {
            FuzzMessage message = byLabel.get(rows.get(0).key());
            add(message, "quarantined once", "quarantined " + rows.size()
                + " times at one Kafka offset", coordinates);
          }
        });
    quarantinedByKey.keySet().stream().filter(key -> !byLabel.containsKey(key)).forEach(key ->
        add(null, "no quarantine row that no message was sent for", "quarantine row with key " + key,
            quarantinedByKey.get(key).get(0).reason()));
    bronzeByKey.forEach((key, rows) -> {
      if (rows.size() > 1) {
        add(landingByKey.get(key), "stored once", "stored " + rows.size() + " times", key.toString());
      }
      if (!landingByKey.containsKey(key)) {
        FuzzMessage attributed = byLabel.get(labelOf(rows.get(0)));
        add(attributed, attributed == null ? "only sent records in bronze" : attributed.expected().describe(),
            "landed" + (attributed == null ? " under a key no landing message has" : ""),
            (attributed == null ? "" : attributed.label() + ": ") + brief(rows.get(0)));
      }
    });

    for (FuzzMessage message : messages) {
      if (message.redelivery()) {
        continue;
      }
      List<QuarantineRow> rows = quarantinedByKey.getOrDefault(message.label(), List.of());
      if (message.expected().lands()) {
        judgeLanding(message, bronzeByKey.get(naturalKey(message.record(), keyColumns)), rows);
      } else {
        judgeQuarantined(message, rows, landedLabels.contains(message.label()));
      }
    }
  }

  private void judgeLanding(FuzzMessage message, List<Map<String, Object>> stored, List<QuarantineRow> rows) {
    String expected = message.expected().describe();
    if (!rows.isEmpty()) {
      add(message, expected, (stored == null ? "" : "landed and ") + "quarantined: "
          + normalized(rows.get(0).reason()), message.label() + ": " + rows.get(0).reason());
      return;
    }
    if (stored == null) {
      add(message, expected, NOWHERE, message.label());
      return;
    }
    Map<String, Object> row = stored.get(0);
    for (FieldSpec field : shape.fields()) {
      Object want = message.record().get(field.name());
      Object got = row.get(field.name());
      if (!sameValue(want, got)) {
        add(message, expected + " with " + field.name() + " as sent",
            "landed with another " + field.name(),
            message.label() + ": sent " + text(want) + ", stored " + text(got));
        return;
      }
    }
  }

  private void judgeQuarantined(FuzzMessage message, List<QuarantineRow> rows, boolean landed) {
    String expected = message.expected().describe();
    if (rows.isEmpty()) {
      if (!landed) {
        add(message, expected, NOWHERE + " (or landed under another key)",
            message.label());
      }
      return; // a landed one is reported with the bronze rows
    }
    if (rows.size() > 1) {
      add(message, expected, "quarantined " + rows.size() + " times", message.label());
    } else if (!message.expected().acceptsReason(rows.get(0).reason())) {
      add(message, expected, "quarantined as \"" + normalized(rows.get(0).reason()) + "\"",
          message.label() + ": " + rows.get(0).reason());
    }
  }

  /** Problems grouped by mutation and outcome, the largest group first, with a few examples each. */
  public String report() {
    long distinct = messages.stream().filter(m -> !m.redelivery()).count();
    long landing = messages.stream().filter(m -> !m.redelivery() && m.expected().lands()).count();
    StringBuilder text = new StringBuilder();
    text.append("== ").append(shape.stream().streamName()).append(": ").append(messages.size())
        .append(" messages sent (").append(distinct).append(" distinct, ").append(landing)
        .append(" to land); bronze holds ").append(bronzeRows).append(" rows, the quarantine ").append(quarantineRows)
        .append("; ").append(mismatches.size()).append(" messages not where rules.md puts them\n");
    List<Mismatch> shown = mismatches;
    if (queryFailure.isPresent()) {
      text.append("   QUERY FAILED: ").append(queryFailure.get()).append('\n');
      // After the failure nothing more was read: messages found nowhere say nothing about the rules.
      shown = mismatches.stream().filter(m -> !m.observed().startsWith(NOWHERE)).toList();
      text.append("   (").append(mismatches.size() - shown.size())
          .append(" messages are in neither table, most of them not read before the query stopped; not listed)\n");
    }
    Map<String, List<Mismatch>> groups = shown.stream().collect(Collectors.groupingBy(
        m -> m.kind() + "\u0000" + m.general(m.expected()) + "\u0000" + m.general(m.observed()),
        LinkedHashMap::new, Collectors.toList()));
    groups.values().stream().sorted(Comparator.comparingInt((List<Mismatch> g) -> -g.size()))
        .forEach(group -> {
          Mismatch first = group.get(0);
          text.append(String.format("   [%d] %s%n        expected %s%n        observed %s%n        e.g. %s%n",
              group.size(), first.kind(), first.general(first.expected()), first.general(first.observed()),
              String.join(" | ", group.stream().limit(EXAMPLES)
                  .map(m -> (m.field() == null ? "" : m.field() + " ") + m.example()).toList())));
        });
    return text.toString();
  }

  private void add(FuzzMessage message, String expected, String observed, String example) {
    mismatches.add(new Mismatch(message == null ? "(no message)" : message.kind(),
        message == null ? null : message.field(), expected, observed, example));
  }

  /** The label the row's label field carries (also inside a mutated value), or "". */
  private String labelOf(Map<String, Object> row) {
    Object value = row.get(shape.labelField());
    java.util.regex.Matcher label = java.util.regex.Pattern.compile(shape.labelPrefix() + "\\d{5}")
        .matcher(value == null ? "" : value.toString().toLowerCase());
    return label.find() ? label.group() : "";
  }

  private static List<Object> naturalKey(Map<String, Object> record, List<String> keyColumns) {
    List<Object> key = new ArrayList<>();
    keyColumns.forEach(column -> key.add(record.get(column)));
    return key;
  }

  static boolean sameValue(Object want, Object got) {
    if (want instanceof Instant a && got instanceof Instant b) {
      // Bronze keeps microseconds: a 9-digit fraction is cut (or rounded) to 6.
      return Duration.between(a, b).abs().toNanos() < 1_000;
    }
    if (want instanceof Double a && got instanceof Double b) {
      return Double.compare(a, b) == 0;
    }
    if (want instanceof Number a && got instanceof Number b && !(want instanceof Double) && !(got instanceof Double)) {
      return a.longValue() == b.longValue();
    }
    return Objects.equals(want, got);
  }

  private static String normalized(String reason) {
    String digitsHidden = reason == null ? "null" : reason.replaceAll("\\d+", "#");
    return digitsHidden.length() > 140 ? digitsHidden.substring(0, 140) + "..." : digitsHidden;
  }

  private String brief(Map<String, Object> row) {
    return row.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue())).collect(Collectors.joining(", "));
  }

  private static String text(Object value) {
    String text = value instanceof String s ? "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"" : String.valueOf(value);
    return text.length() > VALUE_TEXT ? text.substring(0, VALUE_TEXT) + "...(" + text.length() + " chars)" : text;
  }
}
