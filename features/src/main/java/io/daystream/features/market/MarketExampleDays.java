package io.daystream.features.market;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
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
 * The market examples of a range of calendar days, as the daily feature job materialized them in
 * {@code gold/market_examples}: what training and evaluation read. The examples are never computed
 * here.
 *
 * <p>Trading and non-trading days: the feature job records every day it ran for in
 * {@code ops/feature_days}, with its row count. A day recorded with 0 rows had no bar of any symbol
 * (a weekend, a holiday, a closure): it is a <em>non-trading day</em>, materialized and empty, not
 * an error. A day the job never ran for is unknown, not a holiday, and is an error that names the
 * command to run.
 */
public final class MarketExampleDays {

  private final SparkSession spark;
  private final Lake lake;
  private final FeatureDays manifest;

  public MarketExampleDays(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
    this.manifest = new FeatureDays(spark, lake.path(LakeTable.FEATURE_DAYS));
  }

  /**
   * The examples of every day of {@code days}, read at one version of the table.
   *
   * @throws IllegalArgumentException when a day of the range was never materialized, or its
   *     trading days were materialized by different feature-set versions (their columns would not
   *     mean the same)
   */
  public ExampleDays between(DayRange days) {
    Map<LocalDate, FeatureDays.WrittenDay> written = manifest.writtenDays(MarketExamples.NAME, days);
    List<LocalDate> missing = days.days().stream().filter(day -> !written.containsKey(day)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(LakeTable.MARKET_EXAMPLES.folder() + " lacks " + missing.size()
          + " day(s) of " + days + " (" + summary(missing) + "): run " + command(days) + " first");
    }
    // A non-trading day holds no column to disagree on: only trading days must share a version.
    Map<String, Long> daysByVersion = versions(written, true);
    if (daysByVersion.isEmpty()) {
      daysByVersion = versions(written, false);
    }
    if (daysByVersion.size() > 1) {
      throw new IllegalArgumentException("the trading days of " + days + " were materialized by "
          + daysByVersion.size() + " feature-set versions " + daysByVersion + ": recompute them with "
          + command(days));
    }
    Map<LocalDate, Long> rowsByDay = new TreeMap<>();
    written.forEach((day, record) -> rowsByDay.put(day, record.rows()));
    String path = lake.path(LakeTable.MARKET_EXAMPLES);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      throw new IllegalArgumentException("no table " + LakeTable.MARKET_EXAMPLES.folder() + " under " + path
          + " although ops/feature_days lists its days: run " + command(days) + " again");
    }
    // Pinned to the version seen now: a feature job writing meanwhile cannot change what is read.
    long version = DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    Dataset<Row> examples = spark.read().format("delta").option("versionAsOf", version).load(path)
        .where(col(MarketColumns.TRADING_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last())));
    return new ExampleDays(days, examples, daysByVersion.keySet().iterator().next(), version, rowsByDay);
  }

  /** The days of the range the feature job materialized, trading or not, oldest first. */
  public List<LocalDate> materializedDays(DayRange days) {
    return new TreeMap<>(manifest.writtenDays(MarketExamples.NAME, days)).keySet().stream().toList();
  }

  /** The command that materializes {@code days}. */
  public static String command(DayRange days) {
    return "`daystream features --task market --from " + days.first() + " --to " + days.last() + "`";
  }

  private static Map<String, Long> versions(Map<LocalDate, FeatureDays.WrittenDay> written, boolean tradingOnly) {
    return new TreeMap<>(written.values().stream()
        .filter(day -> !tradingOnly || day.rows() > 0)
        .collect(Collectors.groupingBy(FeatureDays.WrittenDay::featureSetVersion, Collectors.counting())));
  }

  private static String summary(List<LocalDate> missing) {
    return missing.size() <= 3 ? missing.toString() : missing.get(0) + " .. " + missing.get(missing.size() - 1);
  }

  /**
   * Market examples of a range of calendar days with what they were read from.
   *
   * @param rows the rows of every trading day of the range, labelled or not, not cached
   * @param featureSetVersion the one version every trading day was materialized with
   * @param tableVersion the Delta version of {@code gold/market_examples} read
   * @param rowsByDay every day of the range with its row count as the manifest recorded it; 0 on
   *     a non-trading day
   */
  public record ExampleDays(DayRange days, Dataset<Row> rows, String featureSetVersion, long tableVersion,
      Map<LocalDate, Long> rowsByDay) {

    public ExampleDays {
      rowsByDay = Map.copyOf(rowsByDay);
    }

    /** Whether any symbol had a bar on {@code day}. */
    public boolean isTradingDay(LocalDate day) {
      return rowsByDay.getOrDefault(day, 0L) > 0;
    }

    /** The trading days of the range, oldest first. */
    public List<LocalDate> tradingDays() {
      return new TreeMap<>(rowsByDay).entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
          .toList();
    }
  }
}
