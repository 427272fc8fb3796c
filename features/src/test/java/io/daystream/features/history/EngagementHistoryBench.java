package io.daystream.features.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.job.FeatureTask;
import io.daystream.features.job.FeatureTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (asserts nothing; its name keeps it out of {@code mvn test}): the time to
 * compute day D's engagement features (the aggregates of D and the examples of D) with N days of
 * history behind it, on a lake made by {@code bin/daystream datasets generate}. See
 * {@code bench/engagement-history.sh}.
 *
 * <p>System properties: {@code bench.home} (the generated home), {@code bench.offsets} (days after
 * the lake's first day to measure, e.g. {@code 10,199}), {@code bench.repeats} (default 3),
 * {@code bench.results} (folder of the results file).
 */
class EngagementHistoryBench {

  @Test
  void measure() throws IOException {
    Path home = Path.of(System.getProperty("bench.home"));
    int repeats = Integer.getInteger("bench.repeats", 3);
    List<Integer> offsets = Arrays.stream(System.getProperty("bench.offsets", "10").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    Lake lake = new Lake(config.lake());
    TweetTextStandIn.writeIfMissing(spark, lake, config.features().textHashFeatures());
    Row span = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
        .agg(min("event_date"), max("event_date")).first();
    LocalDate first = span.getDate(0).toLocalDate();
    StringBuilder report = new StringBuilder();
    report.append("# Engagement history features, day-D time\n\nhome: ").append(home)
        .append("\nlake days: ").append(first).append("..").append(span.getDate(1).toLocalDate())
        .append("\nrepeats: ").append(repeats).append(" (seconds: min / median)\n\n")
        .append("| day D | days before D | impressions of D | state rows of D-1 | prepare (catch-up) s | aggregates(D) s | examples(D) s |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (int offset : offsets) {
      LocalDate day = first.plusDays(offset);
      FeatureTask task = FeatureTasks.of("engagement", spark, lake, config);
      long start = System.nanoTime();
      task.run(new DailyFeatureJob(spark, lake), DayRange.of(day));
      double prepare = (System.nanoTime() - start) / 1e9;
      DailyFeatureSet aggregates = task.stages().get(0).set();
      DailyFeatureSet examples = task.stages().get(1).set();
      long impressions = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
          .where(col("event_date").equalTo(Date.valueOf(day))).count();
      long stateRows = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_AGGREGATES))
          .where(col("event_date").equalTo(Date.valueOf(day.minusDays(1)))).count();
      double[] aggregateTimes = new double[repeats];
      double[] exampleTimes = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        aggregateTimes[i] = secondsToCompute(aggregates, day);
        exampleTimes[i] = secondsToCompute(examples, day);
      }
      report.append(String.format("| %s | %d | %,d | %,d | %.1f | %s | %s |%n", day, offset, impressions, stateRows,
          prepare, minMedian(aggregateTimes), minMedian(exampleTimes)));
      System.out.println(report);
    }
    Path results = Path.of(System.getProperty("bench.results", "../bench/results"));
    Files.createDirectories(results);
    Path file = results.resolve("engagement-history-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")) + ".md");
    Files.writeString(file, report.toString());
    System.out.println("written " + file.toAbsolutePath());
  }

  /** Computes the day and writes it nowhere: reading, joining and aggregating are what is timed. */
  private static double secondsToCompute(DailyFeatureSet set, LocalDate day) {
    long start = System.nanoTime();
    set.compute(day).write().format("noop").mode("overwrite").save();
    return (System.nanoTime() - start) / 1e9;
  }

  private static String minMedian(double[] seconds) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    return String.format("%.2f / %.2f", sorted[0], sorted[sorted.length / 2]);
  }
}
