package io.daystream.training.registry;

import static io.daystream.training.registry.AliasChange.Action.PROMOTED;
import static io.daystream.training.registry.AliasChange.Action.ROLLED_BACK;
import static io.daystream.training.registry.Changes.change;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServingHistoryTest {

  /** a from March 2 10:00, b from March 4 12:00, a again from March 4 18:00. */
  private static final ServingHistory HISTORY = new ServingHistory(List.of(
      change(1, PROMOTED, null, "a", "2020-03-02T10:00:00Z"),
      change(2, PROMOTED, "a", "b", "2020-03-04T12:00:00Z"),
      change(3, ROLLED_BACK, "b", "a", "2020-03-04T18:00:00Z")));

  @Test
  void nobodyServedBeforeTheFirstChampion() {
    assertEquals(List.of(), versionsOn(LocalDate.of(2020, 3, 1)));
    assertEquals(Optional.empty(), HISTORY.servingAt(Instant.parse("2020-03-02T09:59:59Z")));
  }

  @Test
  void theDayOfTheFirstPromotionAndTheDaysAfterItHaveItsChampion() {
    assertEquals(List.of("a"), versionsOn(LocalDate.of(2020, 3, 2)));
    assertEquals(List.of("a"), versionsOn(LocalDate.of(2020, 3, 3)));
  }

  @Test
  void aDayWithChangesListsEveryVersionThatServedInOrder() {
    assertEquals(List.of("a", "b", "a"), versionsOn(LocalDate.of(2020, 3, 4)));
    assertEquals(Optional.of("b"), HISTORY.servingAt(Instant.parse("2020-03-04T17:59:59Z")));
    assertEquals(Optional.of("a"), HISTORY.servingAt(Instant.parse("2020-03-04T18:00:00Z")));
  }

  @Test
  void theCurrentChampionServesEveryLaterDay() {
    assertEquals(List.of("a"), versionsOn(LocalDate.of(2021, 1, 1)));
    assertEquals(Optional.empty(), HISTORY.periods().get(2).until());
  }

  @Test
  void aChangeAtMidnightStartsTheNewDayWithTheNewChampion() {
    ServingHistory history = new ServingHistory(List.of(
        change(1, PROMOTED, null, "a", "2020-03-02T10:00:00Z"),
        change(2, PROMOTED, "a", "b", "2020-03-03T00:00:00Z")));
    assertEquals(List.of("a"), history.servedOn(LocalDate.of(2020, 3, 2)).stream().map(ServingHistory.Period::version).toList());
    assertEquals(List.of("b"), history.servedOn(LocalDate.of(2020, 3, 3)).stream().map(ServingHistory.Period::version).toList());
  }

  private static List<String> versionsOn(LocalDate day) {
    return HISTORY.servedOn(day).stream().map(ServingHistory.Period::version).toList();
  }
}
