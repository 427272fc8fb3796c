package io.daystream.features.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainingWindowTest {

  private static final LocalDate MARCH_12 = LocalDate.of(2020, 3, 12);

  @Test
  void threeDaysBeforeTheEvaluationDay() {
    TrainingWindow window = new TrainingWindow(MARCH_12, 3);

    assertEquals(LocalDate.of(2020, 3, 9), window.firstDay());
    assertEquals(LocalDate.of(2020, 3, 11), window.lastDay());
  }

  @Test
  void containsExactlyItsDays() {
    TrainingWindow window = new TrainingWindow(MARCH_12, 3);

    assertFalse(window.contains(LocalDate.of(2020, 3, 8)), "day before the first");
    assertTrue(window.contains(LocalDate.of(2020, 3, 9)), "first day");
    assertTrue(window.contains(LocalDate.of(2020, 3, 10)));
    assertTrue(window.contains(LocalDate.of(2020, 3, 11)), "last day");
    assertFalse(window.contains(MARCH_12), "the evaluation day is never trained on");
    assertFalse(window.contains(LocalDate.of(2020, 3, 13)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 14, 21, 365, 1000})
  void neverContainsTheEvaluationDayAndCoversExactlyDaysDays(int days) {
    TrainingWindow window = new TrainingWindow(MARCH_12, days);

    assertFalse(window.contains(window.evaluationDay()));
    assertTrue(window.contains(window.firstDay()));
    assertTrue(window.contains(window.lastDay()));
    assertEquals(days, ChronoUnit.DAYS.between(window.firstDay(), window.lastDay()) + 1);
    assertEquals(window.evaluationDay(), window.lastDay().plusDays(1), "the window ends right before D");
    long inside = window.firstDay().minusDays(5).datesUntil(window.evaluationDay().plusDays(5))
        .filter(window::contains).count();
    assertEquals(days, inside);
  }

  @Test
  void oneDayWindowIsTheDayBefore() {
    TrainingWindow window = new TrainingWindow(MARCH_12, 1);

    assertEquals(LocalDate.of(2020, 3, 11), window.firstDay());
    assertEquals(LocalDate.of(2020, 3, 11), window.lastDay());
  }

  @ParameterizedTest(name = "{0} minus {1} days -> {2} .. {3}")
  @CsvSource({
      // leap year: February 2020 has 29 days
      "2020-03-01, 7, 2020-02-23, 2020-02-29",
      // not a leap year
      "2021-03-01, 7, 2021-02-22, 2021-02-28",
      // across the new year
      "2021-01-02, 3, 2020-12-30, 2021-01-01",
      "2021-01-01, 1, 2020-12-31, 2020-12-31",
      // across a month of 30 days
      "2020-05-02, 3, 2020-04-29, 2020-05-01",
      // 21 days back from early March of a leap year
      "2020-03-05, 21, 2020-02-13, 2020-03-04",
  })
  void crossesMonthAndYearBoundaries(LocalDate evaluationDay, int days, LocalDate first, LocalDate last) {
    TrainingWindow window = new TrainingWindow(evaluationDay, days);

    assertEquals(first, window.firstDay());
    assertEquals(last, window.lastDay());
  }

  @Test
  void leapDayIsInsideTheWindowBeforeMarchFirst() {
    assertTrue(new TrainingWindow(LocalDate.of(2020, 3, 1), 7).contains(LocalDate.of(2020, 2, 29)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, -7, Integer.MIN_VALUE})
  void rejectsFewerThanOneDay(int days) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainingWindow(MARCH_12, days));

    assertTrue(e.getMessage().contains(String.valueOf(days)), e.getMessage());
  }

  @Test
  void rejectsMissingEvaluationDay() {
    assertThrows(IllegalArgumentException.class, () -> new TrainingWindow(null, 3));
  }

  @Test
  void toStringShowsTheRangeAndTheEvaluationDay() {
    String text = new TrainingWindow(MARCH_12, 3).toString();

    assertTrue(text.contains("2020-03-09"), text);
    assertTrue(text.contains("2020-03-11"), text);
    assertTrue(text.contains("2020-03-12"), text);
  }

  @Test
  void equalWindowsAreEqual() {
    assertEquals(new TrainingWindow(MARCH_12, 7), new TrainingWindow(LocalDate.parse("2020-03-12"), 7));
  }
}
