package io.daystream.ingestion.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.ingestion.stream.IngestedStream;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a replay selects, checked where it enters, before any Spark work. */
class ReplaySelectionTest {

  @Test
  void lateIsReplayableAndSelectsByItsReasonPrefix() {
    ReplaySelection selection = ReplaySelection.of("late", "prices", LocalDate.of(2021, 2, 1), LocalDate.of(2021, 2, 1));

    assertEquals("late: ", selection.reasonPrefix());
    assertEquals(Optional.of(IngestedStream.PRICES), selection.stream());
    assertEquals(Optional.of(LocalDate.of(2021, 2, 1)), selection.from(), "a one-day range");
  }

  @Test
  void everyBoundIsOptional() {
    ReplaySelection all = ReplaySelection.of("late", null, null, null);

    assertEquals(Optional.empty(), all.stream());
    assertEquals(Optional.empty(), all.from());
    assertEquals(Optional.empty(), all.to());
    assertEquals(Optional.of(LocalDate.of(2021, 2, 1)), ReplaySelection.of("late", null, null, LocalDate.of(2021, 2, 1)).to());
  }

  @Test
  void aReasonThatReplayingCannotChangeIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ReplaySelection.of("malformed", null, null, null));

    assertTrue(refused.getMessage().contains("only late records can be replayed"), refused.getMessage());
    assertTrue(refused.getMessage().contains("'malformed'"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReplaySelection.of("Late", null, null, null),
        "the reason word is the exact prefix of the quarantine's reasons");
    assertThrows(IllegalArgumentException.class, () -> ReplaySelection.of(null, null, null, null));
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ReplaySelection.of("late", null, LocalDate.of(2021, 3, 2), LocalDate.of(2021, 3, 1)));

    assertEquals("--from 2021-03-02 is after --to 2021-03-01", refused.getMessage());
  }

  @Test
  void anUnknownStreamNamesTheKnownOnes() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ReplaySelection.of("late", "bars", null, null));

    assertTrue(refused.getMessage().contains("unknown stream 'bars'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("prices"), refused.getMessage());
  }

  @Test
  void theCountsMustAddUp() {
    assertThrows(IllegalArgumentException.class,
        () -> new ReplayedStream("prices", 3, 1, 1, 0, new java.util.TreeMap<>()));
  }
}
