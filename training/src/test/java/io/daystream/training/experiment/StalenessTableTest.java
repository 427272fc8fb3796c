package io.daystream.training.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PooledRce;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StalenessTableTest {

  private static final LocalDate FROM = LocalDate.of(2020, 3, 1);

  /** Predictions that lose sharpness with age: RCE falls as the model ages. */
  private static BinaryMetrics ofAge(int age) {
    double high = 0.9 - 0.05 * age;
    return BinaryMetrics.of(new double[] {high, high, 1 - high, 1 - high}, new int[] {1, 1, 0, 0});
  }

  private static final BinaryMetrics ORACLE = BinaryMetrics.of(new double[] {0.95, 0.95, 0.05, 0.05},
      new int[] {1, 1, 0, 0});

  /** Every model of days FROM .. FROM+13 judged at ages 0..6. */
  private static List<Judgement> judgements() {
    List<Judgement> all = new ArrayList<>();
    for (int day = 0; day < 14; day++) {
      LocalDate modelDay = FROM.plusDays(day);
      for (int age = 0; age <= 6; age++) {
        all.add(new Judgement("like", "v" + day, modelDay, modelDay.plusDays(age), ofAge(age)));
      }
    }
    return all;
  }

  private static Map<String, Map<LocalDate, BinaryMetrics>> oracle() {
    Map<LocalDate, BinaryMetrics> days = new TreeMap<>();
    for (int day = 0; day < 21; day++) {
      days.put(FROM.plusDays(day), ORACLE);
    }
    return Map.of("like", days);
  }

  @Test
  void rceByAgeFallsAsModelsAge() {
    List<StalenessTable.AgeRow> rows = StalenessTable.byAge(judgements(), oracle());

    assertEquals(7, rows.size());
    for (StalenessTable.AgeRow row : rows) {
      assertEquals(14, row.judgements());
      assertEquals(ofAge(row.age()).rce().orElseThrow(), row.meanRce(), 1e-9);
      assertEquals(ORACLE.rce().orElseThrow(), row.oraclePooledRce().orElseThrow(), 1e-9);
    }
    assertTrue(rows.get(0).meanRce() > rows.get(6).meanRce());
  }

  @Test
  void weeklyRetrainingServesEachWeekWithItsFirstDaysModel() {
    LocalDate to = FROM.plusDays(13);

    StalenessTable.Schedule like = StalenessTable.dailyVersusWeekly(judgements(), oracle(), FROM, to).get(0);

    assertEquals(14, like.days());
    assertEquals(ofAge(0).rce().orElseThrow(), like.dailyPooledRce().orElseThrow(), 1e-9);
    // Two weeks, each day served by its week's first model: ages 0..6 twice.
    List<BinaryMetrics> weekly = new ArrayList<>();
    for (int week = 0; week < 2; week++) {
      for (int age = 0; age <= 6; age++) {
        weekly.add(ofAge(age));
      }
    }
    assertEquals(PooledRce.of(weekly).orElseThrow(), like.weeklyPooledRce().orElseThrow(), 1e-9);
    assertTrue(like.dailyPooledRce().orElseThrow() > like.weeklyPooledRce().orElseThrow());
  }

  @Test
  void daysWithoutBothModelsAreLeftOutOfBoth() {
    List<Judgement> onlyFirstDays = judgements().stream().filter(j -> j.modelDay().isBefore(FROM.plusDays(3)))
        .toList();

    StalenessTable.Schedule like = StalenessTable.dailyVersusWeekly(onlyFirstDays, Map.of(), FROM, FROM.plusDays(9))
        .get(0);

    assertEquals(3, like.days(), "only days 1..3 have a daily model; their week's model is day 1's");
    assertTrue(like.oraclePooledRce().isEmpty());
  }
}
