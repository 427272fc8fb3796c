package io.daystream.features.day;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Consecutive calendar days, both ends included. */
public record DayRange(LocalDate first, LocalDate last) {

  public DayRange {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("last day " + last + " is before first day " + first);
    }
  }

  public static DayRange of(LocalDate day) {
    return new DayRange(day, day);
  }

  /** The {@code days} days that end the day before {@code day}: [day − days, day − 1]. */
  public static DayRange before(LocalDate day, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a range before a day holds at least one day, not " + days);
    }
    return new DayRange(day.minusDays(days), day.minusDays(1));
  }

  public List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  @Override
  public String toString() {
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
