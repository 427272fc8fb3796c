package io.daystream.training.daily;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The example rows of a range of days, as one read of a task's gold table.
 *
 * @param rows the rows, not cached
 * @param dayColumn the date column that says which day a row belongs to
 * @param tablesRead table folder to the Delta version read, the lineage of every model trained on them
 * @param featureSetVersion the feature-set version every row was computed with
 * @param rowsByDay rows per day of the range, zero for a materialized day without examples
 */
public record TaskExamples(Dataset<Row> rows, String dayColumn, Map<String, Long> tablesRead,
    String featureSetVersion, Map<LocalDate, Long> rowsByDay) {

  public TaskExamples {
    tablesRead = Map.copyOf(tablesRead);
    rowsByDay = Map.copyOf(rowsByDay);
  }

  public long rowsOn(LocalDate day) {
    return rowsByDay.getOrDefault(day, 0L);
  }
}
