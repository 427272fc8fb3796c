package io.daystream.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelLineageTest {

  /** Trained on March 9 to 11, evaluated on March 12. */
  static ModelLineage threeDays(String head) {
    return new ModelLineage("engagement", head, 3, LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 11),
        LocalDate.of(2020, 3, 12), Map.of("gold/engagement_examples", 7L, "bronze/tweets", 3L), "engagement/2",
        "lr", Map.of("reg_param", "0.03", "max_iterations", "60"), 42L, 900, 81);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2020-03-08, false",
      "2020-03-09, true",
      "2020-03-10, true",
      "2020-03-11, true",
      "2020-03-12, false"})
  void trainedOnItsSpanOnlyNotOnItsEvaluationDay(LocalDate day, boolean trained) {
    assertEquals(trained, threeDays("like").trainedOn(day));
  }

  @Test
  void theVersionStemNamesTaskHeadWindowAndDay() {
    assertEquals("engagement-like-w3-2020-03-12", threeDays("like").versionStem());
  }

  @Test
  void anEvaluationDayInsideTheTrainingDaysIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ModelLineage("engagement", "like", 3,
        LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 11), LocalDate.of(2020, 3, 11), Map.of(), "v", "lr",
        Map.of(), 1, 10, 1));
  }

  @Test
  void aHeadThatIsNotALowerCaseWordIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> threeDays("li'ke"));
    assertEquals("head must be a lower-case word ([a-z][a-z0-9_]*), not 'li'ke'", e.getMessage());
  }

  @Test
  void morePositivesThanRowsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ModelLineage("engagement", "like", 3,
        LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 11), LocalDate.of(2020, 3, 12), Map.of(), "v", "lr",
        Map.of(), 1, 10, 11));
  }
}
