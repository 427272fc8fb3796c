package io.daystream.features.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.features.day.DayRange;
import io.daystream.features.day.PointInTime;
import io.daystream.features.lineage.InputRead;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily materialization contract on real Delta tables, with a toy feature set (impressions of
 * each user over the two days before): a day is written once, skipped while what it read is
 * unchanged, recomputed when that changes or the version does, and replaces only itself.
 */
class DailyFeatureJobIT {

  private static final StructType ENGAGEMENTS = new StructType()
      .add("engaging_user_id", DataTypes.StringType)
      .add("event_date", DataTypes.DateType);
  private static final LocalDate D1 = LocalDate.of(2020, 3, 1);

  @TempDir
  static Path home;

  private static SparkSession spark;
  private static Lake lake;

  @BeforeAll
  static void start() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    spark = SparkSessionFactory.getOrCreate(config.spark());
    lake = new Lake(config.lake());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Per user seen on day D: impressions on the two days before D. */
  private static final class PriorImpressions implements DailyFeatureSet {
    private final String version;

    PriorImpressions(String version) {
      this.version = version;
    }

    @Override
    public String name() {
      return "toy-prior-impressions";
    }

    @Override
    public String featureSetVersion() {
      return version;
    }

    @Override
    public LakeTable output() {
      return LakeTable.ENGAGEMENT_EXAMPLES;
    }

    @Override
    public String dayColumn() {
      return "event_date";
    }

    @Override
    public List<InputRead> inputsOf(LocalDate day) {
      return List.of(new InputRead(LakeTable.ENGAGEMENTS, "event_date", new DayRange(day.minusDays(2), day)));
    }

    @Override
    public Dataset<Row> compute(LocalDate day) {
      Dataset<Row> engagements = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS));
      DayRange history = PointInTime.historyOf(day, 2);
      Dataset<Row> users = engagements.where(col("event_date").equalTo(Date.valueOf(day)))
          .select("engaging_user_id").distinct();
      Dataset<Row> prior = engagements
          .where(col("event_date").between(Date.valueOf(history.first()), Date.valueOf(history.last())))
          .groupBy("engaging_user_id").agg(count(lit(1)).as("prior_impressions"));
      return users.join(prior, users.col("engaging_user_id").equalTo(prior.col("engaging_user_id")), "left")
          .select(users.col("engaging_user_id"), prior.col("prior_impressions"))
          .na().fill(0L, new String[] {"prior_impressions"})
          .withColumn("event_date", lit(Date.valueOf(day)));
    }
  }

  private static void append(String user, LocalDate day, int times) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < times; i++) {
      rows.add(RowFactory.create(user, Date.valueOf(day)));
    }
    spark.createDataFrame(rows, ENGAGEMENTS).write().format("delta").mode("append").partitionBy("event_date")
        .save(lake.path(LakeTable.ENGAGEMENTS));
  }

  private static Map<String, Long> featuresOf(LocalDate day) {
    return spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_EXAMPLES))
        .where(col("event_date").equalTo(Date.valueOf(day)))
        .collectAsList().stream()
        .collect(java.util.stream.Collectors.toMap(r -> r.getAs("engaging_user_id"), r -> r.<Long>getAs("prior_impressions")));
  }

  @Test
  void aDayIsWrittenOnceAndRecomputedOnlyWhenWhatItReadChanges() {
    append("u1", D1, 2);
    append("u1", D1.plusDays(1), 1);
    append("u2", D1.plusDays(1), 1);
    append("u1", D1.plusDays(2), 1);
    append("u2", D1.plusDays(2), 1);
    DailyFeatureJob job = new DailyFeatureJob(spark, lake);
    PriorImpressions v1 = new PriorImpressions("toy/1");
    List<LocalDate> days = List.of(D1.plusDays(1), D1.plusDays(2));

    FeatureRun first = job.run(v1, days);
    assertEquals(days, first.written());
    assertEquals(4, first.rows());
    assertEquals(Map.of("u1", 2L, "u2", 0L), featuresOf(D1.plusDays(1)));
    assertEquals(Map.of("u1", 3L, "u2", 1L), featuresOf(D1.plusDays(2)));
    Row lineage = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_EXAMPLES)).first();
    assertEquals("toy/1", lineage.getAs(DailyFeatureJob.FEATURE_SET_VERSION));
    assertTrue(lineage.getJavaMap(lineage.fieldIndex(DailyFeatureJob.INPUT_VERSIONS)).containsKey("bronze/engagements"));

    FeatureRun again = job.run(v1, days);
    assertEquals(List.of(), again.written());
    assertEquals(days, again.skipped(), "same inputs, same version: skipped");

    // A day no feature day reads (D1 + 5) changes nothing; a record landing on D1 + 1 changes both.
    append("u9", D1.plusDays(5), 1);
    assertEquals(days, job.run(v1, days).skipped());
    append("u2", D1.plusDays(1), 1);
    FeatureRun recomputed = job.run(v1, days);
    assertEquals(days, recomputed.written());
    assertEquals(Map.of("u1", 2L, "u2", 0L), featuresOf(D1.plusDays(1)), "u2's own day is not its history");
    assertEquals(Map.of("u1", 3L, "u2", 2L), featuresOf(D1.plusDays(2)));
    long rowsBefore = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_EXAMPLES)).count();
    assertEquals(4, rowsBefore, "a recomputed day replaced itself: no duplicates");

    // New definitions: every day again, and only the asked day is touched.
    FeatureRun v2 = job.run(new PriorImpressions("toy/2"), List.of(D1.plusDays(2)));
    assertEquals(List.of(D1.plusDays(2)), v2.written());
    assertEquals(List.of("toy/1", "toy/2"), spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_EXAMPLES))
        .orderBy("event_date").select(DailyFeatureJob.FEATURE_SET_VERSION).distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList());
  }

  @Test
  void aSetThatComputesRowsOfAnotherDayIsRefused() {
    PriorImpressions wrongDay = new PriorImpressions("toy/1");
    DailyFeatureSet shifted = new DailyFeatureSet() {
      @Override public String name() { return "toy-shifted"; }
      @Override public String featureSetVersion() { return "toy/1"; }
      @Override public LakeTable output() { return LakeTable.MARKET_EXAMPLES; }
      @Override public String dayColumn() { return "event_date"; }
      @Override public List<InputRead> inputsOf(LocalDate day) { return wrongDay.inputsOf(day); }
      @Override public Dataset<Row> compute(LocalDate day) {
        return wrongDay.compute(day).withColumn("event_date", lit(Date.valueOf(day.plusDays(1))));
      }
    };
    append("u1", D1.plusDays(10), 1);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new DailyFeatureJob(spark, lake).run(shifted, List.of(D1.plusDays(10))));
    assertTrue(e.getMessage().contains("outside day 2020-03-11"), e.getMessage());
  }
}
