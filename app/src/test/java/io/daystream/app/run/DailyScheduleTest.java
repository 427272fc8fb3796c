package io.daystream.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyScheduleTest {

  private static final LocalDate FIRST = LocalDate.parse("2020-03-01");
  private final DailySchedule schedule = new DailySchedule(FIRST);

  @Test
  void aDayIsCompleteOnceALaterDaysEventsArrived() {
    assertEquals(List.of(), schedule.completeDays(FIRST, FIRST), "one day of data: nothing complete to train on");
    assertEquals(List.of(), schedule.completeDays(FIRST, FIRST.plusDays(1)), "the first day has no history");
    assertEquals(List.of(FIRST.plusDays(1), FIRST.plusDays(2)), schedule.completeDays(FIRST, FIRST.plusDays(3)));
    assertEquals(List.of(FIRST.plusDays(2)), schedule.completeDays(FIRST.plusDays(2), FIRST.plusDays(3)));
    assertEquals(List.of(), schedule.completeDays(FIRST.plusDays(3), FIRST.plusDays(3)), "today is not complete");
  }

  @Test
  void onlyWindowsTheDataCoversAreTrained() {
    List<Integer> windows = List.of(3, 7, 14, 21);
    assertEquals(List.of(), schedule.coveredWindows(windows, FIRST.plusDays(2)));
    assertEquals(List.of(3), schedule.coveredWindows(windows, FIRST.plusDays(3)));
    assertEquals(List.of(3, 7), schedule.coveredWindows(windows, FIRST.plusDays(13)));
    assertEquals(windows, schedule.coveredWindows(windows, FIRST.plusDays(21)));
  }
}
