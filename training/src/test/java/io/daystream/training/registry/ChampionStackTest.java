package io.daystream.training.registry;

import static io.daystream.training.registry.AliasChange.Action.FORCED;
import static io.daystream.training.registry.AliasChange.Action.PROMOTED;
import static io.daystream.training.registry.AliasChange.Action.ROLLED_BACK;
import static io.daystream.training.registry.Changes.change;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChampionStackTest {

  private static final String T = "2020-03-01T00:00:00Z";

  @Test
  void noChampionOrOnlyTheFirstHasNothingToRollBackTo() {
    assertEquals(Optional.empty(), ChampionStack.rollbackTarget(List.of()));
    assertEquals(Optional.empty(), ChampionStack.rollbackTarget(List.of(change(1, PROMOTED, null, "a", T))));
  }

  @Test
  void rollbackBringsBackTheChampionBeforeTheCurrent() {
    List<AliasChange> history = List.of(
        change(1, PROMOTED, null, "a", T), change(2, PROMOTED, "a", "b", T), change(3, FORCED, "b", "c", T));
    assertEquals(Optional.of("b"), ChampionStack.rollbackTarget(history));
  }

  @Test
  void aSecondRollbackGoesOneFurtherBackNotForwardAgain() {
    List<AliasChange> history = List.of(
        change(1, PROMOTED, null, "a", T), change(2, PROMOTED, "a", "b", T), change(3, PROMOTED, "b", "c", T),
        change(4, ROLLED_BACK, "c", "b", T));
    assertEquals(Optional.of("a"), ChampionStack.rollbackTarget(history));
  }

  @Test
  void afterRollingBackToTheFirstThereIsNothingLeft() {
    List<AliasChange> history = List.of(
        change(1, PROMOTED, null, "a", T), change(2, PROMOTED, "a", "b", T), change(3, ROLLED_BACK, "b", "a", T));
    assertEquals(Optional.empty(), ChampionStack.rollbackTarget(history));
  }

  @Test
  void aPromotionAfterARollbackStacksOnTheRestoredChampion() {
    List<AliasChange> history = List.of(
        change(1, PROMOTED, null, "a", T), change(2, PROMOTED, "a", "b", T), change(3, ROLLED_BACK, "b", "a", T),
        change(4, PROMOTED, "a", "d", T));
    assertEquals(Optional.of("a"), ChampionStack.rollbackTarget(history));
  }
}
