package io.daystream.training.experiment;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PooledRce;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What aging costs: per head and age (days since the model's own evaluation day), the RCE of
 * models judged unchanged that many days later, averaged and pooled, beside the oracle's pooled
 * RCE on the same days; and the same range served by models retrained daily against models
 * retrained once a week.
 */
public final class StalenessTable {

  /** One head at one age: how many model-days were judged, their mean and pooled RCE, the oracle's pooled RCE. */
  public record AgeRow(String head, int age, int judgements, double meanRce, OptionalDouble pooledRce,
      OptionalDouble oraclePooledRce) {}

  /**
   * One head over the judged range: the pooled RCE when each day is served by the model trained
   * for it (daily), and by the model trained for the first day of its week of the range (weekly).
   */
  public record Schedule(String head, int days, OptionalDouble dailyPooledRce, OptionalDouble weeklyPooledRce,
      OptionalDouble oraclePooledRce) {}

  private StalenessTable() {}

  /**
   * @param oracle the oracle's metrics per head and day, empty maps when unknown (real data)
   */
  public static List<AgeRow> byAge(List<Judgement> judgements, Map<String, Map<LocalDate, BinaryMetrics>> oracle) {
    Map<String, Map<Integer, List<Judgement>>> grouped = judgements.stream()
        .filter(j -> j.metrics().rce().isPresent())
        .collect(Collectors.groupingBy(Judgement::head, TreeMap::new,
            Collectors.groupingBy(Judgement::age, TreeMap::new, Collectors.toList())));
    List<AgeRow> rows = new ArrayList<>();
    grouped.forEach((head, byAge) -> byAge.forEach((age, list) -> rows.add(new AgeRow(head, age, list.size(),
        list.stream().mapToDouble(j -> j.metrics().rce().getAsDouble()).average().orElseThrow(),
        PooledRce.of(list.stream().map(Judgement::metrics).toList()),
        oraclePooled(oracle.getOrDefault(head, Map.of()), list.stream().map(Judgement::judgedDay).toList())))));
    return rows;
  }

  /**
   * Daily against weekly retraining over [from, to]: weekly serves day E with the model of
   * {@code from + 7 * floor((E - from) / 7)}. Days without both judgements are left out of both.
   */
  public static List<Schedule> dailyVersusWeekly(List<Judgement> judgements,
      Map<String, Map<LocalDate, BinaryMetrics>> oracle, LocalDate from, LocalDate to) {
    Map<String, Map<String, Judgement>> byKey = judgements.stream().collect(Collectors.groupingBy(Judgement::head,
        TreeMap::new, Collectors.toMap(j -> j.modelDay() + "/" + j.judgedDay(), j -> j, (a, b) -> b)));
    List<Schedule> schedules = new ArrayList<>();
    byKey.forEach((head, byDays) -> {
      List<BinaryMetrics> daily = new ArrayList<>();
      List<BinaryMetrics> weekly = new ArrayList<>();
      List<LocalDate> days = new ArrayList<>();
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        LocalDate weekStart = from.plusDays((day.toEpochDay() - from.toEpochDay()) / 7 * 7);
        Optional<Judgement> fresh = Optional.ofNullable(byDays.get(day + "/" + day));
        Optional<Judgement> aged = Optional.ofNullable(byDays.get(weekStart + "/" + day));
        if (fresh.isPresent() && aged.isPresent()) {
          daily.add(fresh.get().metrics());
          weekly.add(aged.get().metrics());
          days.add(day);
        }
      }
      schedules.add(new Schedule(head, days.size(), PooledRce.of(daily), PooledRce.of(weekly),
          oraclePooled(oracle.getOrDefault(head, Map.of()), days)));
    });
    return schedules;
  }

  private static OptionalDouble oraclePooled(Map<LocalDate, BinaryMetrics> oracle, List<LocalDate> days) {
    List<BinaryMetrics> known = days.stream().map(oracle::get).filter(java.util.Objects::nonNull).toList();
    return known.size() == days.size() ? PooledRce.of(known) : OptionalDouble.empty();
  }
}
