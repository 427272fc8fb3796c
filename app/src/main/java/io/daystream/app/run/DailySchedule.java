package io.daystream.app.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days the daily job of {@code daystream run} may process: a day is complete once event
 * time has passed its end, i.e. once a later day's events arrived; day D can be retrained over
 * the windows whose days all lie on or after the first day of data.
 */
public final class DailySchedule {

  private final LocalDate firstDay;

  /** @param firstDay the first day with events */
  public DailySchedule(LocalDate firstDay) {
    this.firstDay = firstDay;
  }

  /**
   * @param next the first day not processed yet
   * @param latestEventDay the latest day with events so far
   * @return the complete days from {@code next} on, oldest first; the first day of data is never
   *     one (no history before it to train on)
   */
  public List<LocalDate> completeDays(LocalDate next, LocalDate latestEventDay) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate day = next.isAfter(firstDay) ? next : firstDay.plusDays(1);
    for (; day.isBefore(latestEventDay); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  /** The windows (in days before {@code day}) that the data since the first day covers entirely. */
  public List<Integer> coveredWindows(List<Integer> windows, LocalDate day) {
    return windows.stream().filter(w -> !day.minusDays(w).isBefore(firstDay)).toList();
  }
}
