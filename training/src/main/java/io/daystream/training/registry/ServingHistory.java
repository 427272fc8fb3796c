package io.daystream.training.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who served when, from the alias changes of one (task, head): each change starts a period that
 * the next change ends. Days are UTC days.
 */
public final class ServingHistory {

  /** One version's turn as champion: from {@code from} (included) until {@code until} (excluded; empty: still serves). */
  public record Period(String version, Instant from, Optional<Instant> until, AliasChange change) {

    boolean overlaps(Instant start, Instant end) {
      return from.isBefore(end) && until.map(u -> u.isAfter(start)).orElse(true);
    }
  }

  private final List<Period> periods;

  /** @param history the alias changes of one (task, head), in generation order */
  public ServingHistory(List<AliasChange> history) {
    List<Period> built = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      AliasChange change = history.get(i);
      Optional<Instant> until = i + 1 < history.size() ? Optional.of(history.get(i + 1).changedAt()) : Optional.empty();
      built.add(new Period(change.toVersion(), change.changedAt(), until, change));
    }
    this.periods = List.copyOf(built);
  }

  public List<Period> periods() {
    return periods;
  }

  /** The version serving at {@code instant}; empty before the first champion. */
  public Optional<String> servingAt(Instant instant) {
    Optional<String> serving = Optional.empty();
    for (Period period : periods) {
      if (!period.from().isAfter(instant)) {
        serving = Optional.of(period.version());
      }
    }
    return serving;
  }

  /** Every version that served at some time of {@code day} (UTC), in the order they served. */
  public List<Period> servedOn(LocalDate day) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return periods.stream().filter(p -> p.overlaps(start, end)).toList();
  }
}
