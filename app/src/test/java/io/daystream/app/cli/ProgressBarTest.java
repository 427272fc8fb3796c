package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.daystream.training.daily.RetrainBackfill;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static RetrainBackfill.DayResult trained(LocalDate day) {
    return new RetrainBackfill.DayResult(day, RetrainBackfill.DayStatus.TRAINED, Optional.empty(), Optional.empty());
  }

  @Test
  void showsDaysDoneAndTheTimeLeftAtThePaceSoFar() {
    String line = ProgressBar.line(trained(LocalDate.of(2020, 3, 3)), 3, 10, Duration.ofSeconds(90));

    assertEquals("[#########---------------------] 3/10 days, 2020-03-03 trained, 1m30s spent, ~3m30s left ", line);
  }

  @Test
  void aFinishedBackfillIsAFullBarWithNothingLeft() {
    String line = ProgressBar.line(trained(LocalDate.of(2020, 3, 9)), 7, 7, Duration.ofMinutes(75));

    assertEquals("[##############################] 7/7 days, 2020-03-09 trained, 1h15m spent, ~0m00s left ", line);
  }
}
