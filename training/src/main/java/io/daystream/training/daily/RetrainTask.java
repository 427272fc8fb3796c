package io.daystream.training.daily;

import io.daystream.features.day.DayRange;
import java.util.List;

/**
 * A task the daily job retrains: where its examples are, which heads it has and which column
 * labels each. Tasks and their heads are defined once, in the implementations.
 */
public interface RetrainTask {

  /** The task's name, as the registry and the commands spell it. */
  String name();

  /** Every head of the task, in the order runs report them. */
  List<String> heads();

  /** The 0/1 label column of a head in the task's example rows. */
  String labelColumn(String head);

  /**
   * The task's example rows of the given days, read at one table version.
   *
   * @throws IllegalArgumentException naming the command to run when a day was not materialized
   */
  TaskExamples read(DayRange days);

  /** The days of the range whose examples are materialized, oldest first. */
  List<java.time.LocalDate> materializedDays(DayRange days);

  /**
   * @throws IllegalArgumentException when no head is given or one is not the task's
   */
  default void requireHeads(List<String> requested) {
    if (requested.isEmpty()) {
      throw new IllegalArgumentException("no heads given for task " + name());
    }
    for (String head : requested) {
      if (!heads().contains(head)) {
        throw new IllegalArgumentException("task " + name() + " has no head '" + head + "'; its heads: " + heads());
      }
    }
  }
}
