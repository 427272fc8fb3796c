package io.daystream.ingestion.fuzz;

import java.util.List;

/**
 * Where rules.md puts a message: in bronze, or in the quarantine with a reason that contains every
 * fragment of {@code allOf} and, when {@code anyOf} is not empty, at least one of {@code anyOf}
 * (for cases rules.md leaves open between two readings, such as a year 0 date).
 */
public record Expected(boolean lands, List<String> allOf, List<String> anyOf) {

  public Expected {
    allOf = List.copyOf(allOf);
    anyOf = List.copyOf(anyOf);
  }

  public static Expected land() {
    return new Expected(true, List.of(), List.of());
  }

  /** Quarantined with a reason that contains every one of {@code fragments}. */
  public static Expected quarantine(String... fragments) {
    return new Expected(false, List.of(fragments), List.of());
  }

  /** This expectation, also requiring one of {@code alternatives} in the reason. */
  public Expected orAnyOf(String... alternatives) {
    return new Expected(lands, allOf, List.of(alternatives));
  }

  /** Whether a quarantine {@code reason} is one this expectation accepts. */
  public boolean acceptsReason(String reason) {
    if (lands || reason == null) {
      return false;
    }
    return allOf.stream().allMatch(reason::contains)
        && (anyOf.isEmpty() || anyOf.stream().anyMatch(reason::contains));
  }

  public String describe() {
    if (lands) {
      return "lands";
    }
    StringBuilder text = new StringBuilder("quarantined, reason with ");
    text.append(String.join(" + ", allOf.stream().map(f -> "\"" + f + "\"").toList()));
    if (!anyOf.isEmpty()) {
      text.append(allOf.isEmpty() ? "" : " + ").append("one of ")
          .append(String.join(" / ", anyOf.stream().map(f -> "\"" + f + "\"").toList()));
    }
    return text.toString();
  }
}
