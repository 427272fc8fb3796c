package io.daystream.training.registry;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.DeltaTables;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Every trained model version with its training span and evaluation, in a Delta table; the saved
 * PipelineModel lives at {@code model_path}. Registering a version again replaces its row.
 */
public final class ModelRegistry {

  public static final StructType SCHEMA = new StructType()
      .add("version", DataTypes.StringType, false)
      .add("task", DataTypes.StringType, false)
      .add("head", DataTypes.StringType, false)
      .add("window_days", DataTypes.IntegerType, false)
      .add("train_first_day", DataTypes.DateType, false)
      .add("train_last_day", DataTypes.DateType, false)
      .add("evaluation_day", DataTypes.DateType, false)
      .add("train_rows", DataTypes.LongType, false)
      .add("eval_rows", DataTypes.LongType, false)
      .add("eval_positives", DataTypes.LongType, false)
      .add("rce", DataTypes.DoubleType, true)
      .add("pr_auc", DataTypes.DoubleType, true)
      .add("log_loss", DataTypes.DoubleType, false)
      .add("model_path", DataTypes.StringType, false)
      .add("trained_at", DataTypes.TimestampType, false);

  private final SparkSession spark;
  private final String path;

  public ModelRegistry(SparkSession spark, String path) {
    this.spark = spark;
    this.path = path;
  }

  public void register(ModelVersion model) {
    DeltaTables.createIfMissing(spark, path, SCHEMA);
    DeltaTable.forPath(spark, path).as("t")
        .merge(spark.createDataFrame(List.of(toRow(model)), SCHEMA).as("s"), "t.version = s.version")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  public Optional<ModelVersion> find(String version) {
    if (!DeltaTables.exists(spark, path)) {
      return Optional.empty();
    }
    List<Row> rows = spark.read().format("delta").load(path).where(col("version").equalTo(version)).collectAsList();
    return rows.stream().findFirst().map(ModelRegistry::fromRow);
  }

  /** All versions of a task's head, oldest evaluation day first. */
  public List<ModelVersion> list(String task, String head) {
    if (!DeltaTables.exists(spark, path)) {
      return List.of();
    }
    return spark.read().format("delta").load(path)
        .where(col("task").equalTo(task).and(col("head").equalTo(head)))
        .orderBy(col("evaluation_day"), col("window_days"))
        .collectAsList().stream().map(ModelRegistry::fromRow).toList();
  }

  /**
   * Every version, of any task and head, whose training span holds at least one of {@code days}
   * (the evaluation day does not count: the model did not learn from it); oldest evaluation day
   * first, then by version. Empty when no day is given or nothing is registered.
   */
  public List<ModelVersion> trainedOnAnyOf(Collection<LocalDate> days) {
    if (days.isEmpty() || !DeltaTables.exists(spark, path)) {
      return List.of();
    }
    return spark.read().format("delta").load(path)
        .orderBy(col("evaluation_day"), col("version"))
        .collectAsList().stream().map(ModelRegistry::fromRow)
        .filter(version -> days.stream().anyMatch(version::trainedOn))
        .toList();
  }

  public String path() {
    return path;
  }

  private static Row toRow(ModelVersion m) {
    return RowFactory.create(m.version(), m.task(), m.head(), m.windowDays(), Date.valueOf(m.trainFirstDay()),
        Date.valueOf(m.trainLastDay()), Date.valueOf(m.evaluationDay()), m.trainRows(), m.evalRows(),
        m.evalPositives(), boxed(m.rce()), boxed(m.prAuc()), m.logLoss(), m.modelPath(),
        Timestamp.from(m.trainedAt()));
  }

  private static ModelVersion fromRow(Row r) {
    return new ModelVersion(r.getAs("version"), r.getAs("task"), r.getAs("head"), r.<Integer>getAs("window_days"),
        r.<Date>getAs("train_first_day").toLocalDate(), r.<Date>getAs("train_last_day").toLocalDate(),
        r.<Date>getAs("evaluation_day").toLocalDate(), r.<Long>getAs("train_rows"), r.<Long>getAs("eval_rows"),
        r.<Long>getAs("eval_positives"), optional(r, "rce"), optional(r, "pr_auc"), r.<Double>getAs("log_loss"),
        r.getAs("model_path"), r.<Timestamp>getAs("trained_at").toInstant());
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static OptionalDouble optional(Row row, String field) {
    Object value = row.getAs(field);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
  }
}
