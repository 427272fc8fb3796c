package io.daystream.training.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelVersionTest {

  /** Trained on March 9 to 11, evaluated on March 12. */
  private static final ModelVersion THREE_DAYS = new ModelVersion("engagement-like-w3-2020-03-12", "engagement",
      "like", 3, LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 11), LocalDate.of(2020, 3, 12), 100, 50, 5,
      OptionalDouble.of(1.0), OptionalDouble.of(0.2), 0.3, "/models/x", Instant.EPOCH);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "2020-03-08, false",
      "2020-03-09, true",
      "2020-03-10, true",
      "2020-03-11, true",
      "2020-03-12, false"})
  void trainedOnItsSpanOnlyNotOnItsEvaluationDay(LocalDate day, boolean trained) {
    assertEquals(trained, THREE_DAYS.trainedOn(day));
  }
}
