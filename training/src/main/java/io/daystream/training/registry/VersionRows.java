package io.daystream.training.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The versions table's schema and the mapping between its rows and {@link ModelVersion}. */
final class VersionRows {

  static final StructType SCHEMA = new StructType()
      .add("version", DataTypes.StringType, false)
      .add("run_id", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("status_reason", DataTypes.StringType, true)
      .add("task", DataTypes.StringType, false)
      .add("head", DataTypes.StringType, false)
      .add("window_days", DataTypes.IntegerType, false)
      .add("train_first_day", DataTypes.DateType, false)
      .add("train_last_day", DataTypes.DateType, false)
      .add("evaluation_day", DataTypes.DateType, false)
      .add("table_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false), false)
      .add("feature_set_version", DataTypes.StringType, false)
      .add("model_family", DataTypes.StringType, false)
      .add("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), false)
      .add("seed", DataTypes.LongType, false)
      .add("train_rows", DataTypes.LongType, false)
      .add("train_positives", DataTypes.LongType, false)
      .add("training_millis", DataTypes.LongType, true)
      .add("eval_rows", DataTypes.LongType, true)
      .add("eval_positives", DataTypes.LongType, true)
      .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), true)
      .add("model_path", DataTypes.StringType, true)
      .add("created_at", DataTypes.TimestampType, false);

  private VersionRows() {}

  static Row toRow(ModelVersion v) {
    ModelLineage l = v.lineage();
    return RowFactory.create(v.version(), v.runId(), v.status().label(), v.statusReason().orElse(null),
        l.task(), l.head(), l.windowDays(), Date.valueOf(l.trainFirstDay()), Date.valueOf(l.trainLastDay()),
        Date.valueOf(l.evaluationDay()), new HashMap<>(l.tableVersions()), l.featureSetVersion(), l.modelFamily(),
        new HashMap<>(l.parameters()), l.seed(), l.trainRows(), l.trainPositives(),
        v.trainingTime().map(Duration::toMillis).orElse(null),
        v.evaluation().map(ModelEvaluation::rows).orElse(null),
        v.evaluation().map(ModelEvaluation::positives).orElse(null),
        v.evaluation().map(e -> new HashMap<>(e.metrics())).orElse(null),
        v.modelPath().orElse(null), Timestamp.from(v.createdAt()));
  }

  static ModelVersion fromRow(Row r) {
    ModelLineage lineage = new ModelLineage(r.getAs("task"), r.getAs("head"), r.<Integer>getAs("window_days"),
        r.<Date>getAs("train_first_day").toLocalDate(), r.<Date>getAs("train_last_day").toLocalDate(),
        r.<Date>getAs("evaluation_day").toLocalDate(), javaMap(r, "table_versions"), r.getAs("feature_set_version"),
        r.getAs("model_family"), javaMap(r, "parameters"), r.<Long>getAs("seed"), r.<Long>getAs("train_rows"),
        r.<Long>getAs("train_positives"));
    Optional<ModelEvaluation> evaluation = r.isNullAt(r.fieldIndex("eval_rows"))
        ? Optional.empty()
        : Optional.of(new ModelEvaluation(r.<Long>getAs("eval_rows"), r.<Long>getAs("eval_positives"),
            javaMap(r, "metrics")));
    Optional<Duration> trainingTime = Optional.ofNullable(r.<Long>getAs("training_millis")).map(Duration::ofMillis);
    return new ModelVersion(r.getAs("version"), r.getAs("run_id"), VersionStatus.ofLabel(r.getAs("status")),
        Optional.ofNullable(r.getAs("status_reason")), lineage, trainingTime, evaluation,
        Optional.ofNullable(r.getAs("model_path")), r.<Timestamp>getAs("created_at").toInstant());
  }

  private static <K, V> Map<K, V> javaMap(Row r, String field) {
    int index = r.fieldIndex(field);
    return r.isNullAt(index) ? Map.of() : r.getJavaMap(index);
  }
}
