package io.daystream.ingestion.quarantine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;

import io.daystream.ingestion.stream.IngestedStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * Which quarantined messages a replay sends back: those whose reason starts with {@code reason}
 * and {@code ": "}, of one stream or of all, whose event day (read from the parsed record) is
 * within {@code [from, to]}, both ends included, either end open when empty.
 *
 * <p>Only {@code late} can be replayed: a late record was good when it was quarantined and only
 * the watermark held it back, which a replay does not apply. A message quarantined for what it
 * holds (malformed JSON, a missing field, a negative count) would fail the same rules again.
 */
public record ReplaySelection(String reason, Optional<IngestedStream> stream, Optional<LocalDate> from,
    Optional<LocalDate> to) {

  /** The reason words a replay accepts. */
  public static final Set<String> REPLAYABLE_REASONS = Set.of("late");

  /** Checks every part where it enters; a wrong one throws {@link IllegalArgumentException}. */
  public ReplaySelection {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (reason == null || !REPLAYABLE_REASONS.contains(reason)) {
      throw new IllegalArgumentException("only late records can be replayed (--reason late), not '" + reason
          + "': a record quarantined for what it holds fails the same validation again");
    }
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new IllegalArgumentException("--from " + from.get() + " is after --to " + to.get());
    }
  }

  /**
   * From command-line values, each of which may be null.
   *
   * @param streamName a stream's name (see {@link IngestedStream#streamName()}), or null for all
   */
  public static ReplaySelection of(String reason, String streamName, LocalDate from, LocalDate to) {
    return new ReplaySelection(reason, Optional.ofNullable(streamName).map(IngestedStream::byName),
        Optional.ofNullable(from), Optional.ofNullable(to));
  }

  /** What a quarantine row's reason starts with when it is selected, e.g. {@code "late: "}. */
  public String reasonPrefix() {
    return reason + ": ";
  }

  /**
   * Whether a record of the event day in {@code eventDay} (a date column) is selected: true within
   * the bounds, false outside them, and false for an unknown day once any bound is set.
   */
  public Column covers(Column eventDay) {
    Column selected = lit(true);
    if (from.isPresent()) {
      selected = selected.and(eventDay.geq(lit(Date.valueOf(from.get()))));
    }
    if (to.isPresent()) {
      selected = selected.and(eventDay.leq(lit(Date.valueOf(to.get()))));
    }
    // A comparison with null is null, which a filter drops as it drops false.
    return coalesce(selected, lit(false));
  }
}
