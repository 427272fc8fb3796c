package io.daystream.training.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowGuardTest {

  private final WindowGuard guard = new WindowGuard(100, 5);

  @Test
  void aWindowWithEnoughOfBothClassesTrains() {
    assertEquals(Optional.empty(), guard.refusal(100, 5));
    assertEquals(Optional.empty(), guard.refusal(100, 95));
  }

  @Test
  void tooFewRowsComeFirst() {
    assertEquals(Optional.of("99 training rows, fewer than the minimum 100"), guard.refusal(99, 0));
  }

  @Test
  void oneClassOrTooFewOfEitherIsRefused() {
    assertEquals(Optional.of("0 positives of 500 rows, fewer than the minimum 5"), guard.refusal(500, 0));
    assertEquals(Optional.of("4 positives of 500 rows, fewer than the minimum 5"), guard.refusal(500, 4));
    assertEquals(Optional.of("0 negatives of 500 rows, fewer than the minimum 5"), guard.refusal(500, 500));
    assertEquals(Optional.of("4 negatives of 500 rows, fewer than the minimum 5"), guard.refusal(500, 496));
  }

  @Test
  void thresholdsBelowOneAreABug() {
    assertThrows(IllegalArgumentException.class, () -> new WindowGuard(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new WindowGuard(100, 0));
  }
}
