package io.daystream.training.daily;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.spark.PredictionMetrics;
import io.daystream.features.day.DayRange;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made task for testing the daily job's template: {@value #ROWS_PER_DAY} examples a day
 * from {@link #FIRST_DAY} to {@link #LAST_DAY}, half of them in group {@code x = 1}. Head
 * {@code a}: group 1 has 20 positives of 100 on the first day and 4 more every day after, group 0
 * has 5 a day, so a model of the latest days is the better one. Head {@code b} has 10 positives
 * a day, all in group 1, from {@link #B_STARTS} on, and none before.
 */
final class FixtureTask implements RetrainTask {

  static final LocalDate FIRST_DAY = LocalDate.of(2020, 2, 24);
  static final LocalDate LAST_DAY = LocalDate.of(2020, 3, 6);
  static final LocalDate B_STARTS = LocalDate.of(2020, 3, 2);
  static final int ROWS_PER_DAY = 200;

  private static final StructType SCHEMA = new StructType()
      .add("day", DataTypes.DateType, false)
      .add("x", DataTypes.IntegerType, false)
      .add("label_a", DataTypes.IntegerType, false)
      .add("label_b", DataTypes.IntegerType, false);

  private final SparkSession spark;
  private final String name;

  /** @param name the task's name: tests sharing one registry keep apart by naming their tasks apart */
  FixtureTask(SparkSession spark, String name) {
    this.spark = spark;
    this.name = name;
  }

  static final int GROUP_SIZE = ROWS_PER_DAY / 2;

  static int positivesOfAInGroup1(LocalDate day) {
    return 20 + 4 * (int) (day.toEpochDay() - FIRST_DAY.toEpochDay());
  }

  static int positivesOfA(LocalDate day) {
    return positivesOfAInGroup1(day) + 5;
  }

  private static boolean labelA(LocalDate day, int row) {
    return row < GROUP_SIZE ? row < positivesOfAInGroup1(day) : row < GROUP_SIZE + 5;
  }

  static int positivesOfB(LocalDate day) {
    return day.isBefore(B_STARTS) ? 0 : 10;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> heads() {
    return List.of("a", "b");
  }

  @Override
  public String labelColumn(String head) {
    return "label_" + head;
  }

  @Override
  public List<LocalDate> materializedDays(DayRange days) {
    return days.days().stream().filter(day -> !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)).toList();
  }

  @Override
  public TaskExamples read(DayRange days) {
    List<Row> rows = new ArrayList<>();
    Map<LocalDate, Long> rowsByDay = new HashMap<>();
    for (LocalDate day : days.days()) {
      if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
        continue;
      }
      for (int i = 0; i < ROWS_PER_DAY; i++) {
        rows.add(RowFactory.create(Date.valueOf(day), i < GROUP_SIZE ? 1 : 0, labelA(day, i) ? 1 : 0,
            i < positivesOfB(day) ? 1 : 0));
      }
      rowsByDay.put(day, (long) ROWS_PER_DAY);
    }
    return new TaskExamples(spark.createDataFrame(rows, SCHEMA), "day", Map.of("fixture/examples", 7L), "fixture-v1",
        rowsByDay);
  }

  /** Judges the {@code p} column that {@link ConstantRateTrainer}'s models write. */
  static final class Judge implements HeadJudge {
    @Override
    public BinaryMetrics judge(PipelineModel model, Dataset<Row> examples, String head) {
      return PredictionMetrics.of(model.transform(examples), col("p"), col("label_" + head));
    }

    @Override
    public Dataset<Row> predictions(PipelineModel model, Dataset<Row> examples, String head) {
      return model.transform(examples).select(col("p").as(PREDICTION), col("label_" + head).cast("double").as(LABEL));
    }

    @Override
    public Optional<BinaryMetrics> oracle(Dataset<Row> examples, String head) {
      return Optional.empty();
    }
  }
}
