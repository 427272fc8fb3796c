package io.daystream.features.engagement;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.history.EngagementExampleSet;
import io.daystream.features.job.FeatureDays;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The engagement examples of a range of days, as the daily feature job materialized them in
 * {@code gold/engagement_examples}: what training and evaluation read. The examples are never
 * computed here; a day that was not materialized is an error that names the command to run.
 */
public final class EngagementExamples {

  private final SparkSession spark;
  private final Lake lake;
  private final FeatureDays manifest;

  public EngagementExamples(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
    this.manifest = new FeatureDays(spark, lake.path(LakeTable.FEATURE_DAYS));
  }

  /**
   * The examples of every day of {@code days}, read at one table version.
   *
   * @throws IllegalArgumentException when a day of the range was not materialized, or days of it
   *     were materialized by different feature-set versions (their columns would not mean the same)
   */
  public ExampleDays between(DayRange days) {
    Map<LocalDate, FeatureDays.WrittenDay> written = manifest.writtenDays(EngagementExampleSet.NAME, days);
    List<LocalDate> missing = days.days().stream().filter(day -> !written.containsKey(day)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(LakeTable.ENGAGEMENT_EXAMPLES.folder() + " lacks " + missing.size()
          + " day(s) of " + days + " (" + summary(missing) + "): run `daystream features --task engagement --from "
          + days.first() + " --to " + days.last() + "` first");
    }
    Map<String, Long> daysByVersion = new TreeMap<>(written.values().stream()
        .collect(Collectors.groupingBy(FeatureDays.WrittenDay::featureSetVersion, Collectors.counting())));
    if (daysByVersion.size() > 1) {
      throw new IllegalArgumentException("the days " + days + " were materialized by " + daysByVersion.size()
          + " feature-set versions " + daysByVersion + ": recompute them with `daystream features --task engagement"
          + " --from " + days.first() + " --to " + days.last() + "`");
    }
    Map<LocalDate, Long> rowsByDay = new TreeMap<>();
    written.forEach((day, record) -> rowsByDay.put(day, record.rows()));
    String path = lake.path(LakeTable.ENGAGEMENT_EXAMPLES);
    // Pinned to the version seen now: a feature job writing meanwhile cannot change what is read.
    long version = DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    Dataset<Row> examples = spark.read().format("delta").option("versionAsOf", version).load(path)
        .where(col(EngagementColumns.EVENT_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last())));
    return new ExampleDays(days, examples, daysByVersion.keySet().iterator().next(), version, rowsByDay);
  }

  /** The days of the range that {@code gold/engagement_examples} holds, oldest first. */
  public List<LocalDate> materializedDays(DayRange days) {
    return new TreeMap<>(manifest.writtenDays(EngagementExampleSet.NAME, days)).keySet().stream().toList();
  }

  private static String summary(List<LocalDate> missing) {
    return missing.size() <= 3 ? missing.toString() : missing.get(0) + " .. " + missing.get(missing.size() - 1);
  }

  /**
   * Examples of a range of days with what they were read from.
   *
   * @param featureSetVersion the one version every day was materialized with
   * @param tableVersion the Delta version of {@code gold/engagement_examples} read
   * @param rowsByDay each day's row count, as the manifest recorded it
   */
  public record ExampleDays(DayRange days, Dataset<Row> rows, String featureSetVersion, long tableVersion,
      Map<LocalDate, Long> rowsByDay) {

    public ExampleDays {
      rowsByDay = Map.copyOf(rowsByDay);
    }

    public long rowCount() {
      return rowsByDay.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rowsOn(LocalDate day) {
      return rowsByDay.getOrDefault(day, 0L);
    }
  }
}
