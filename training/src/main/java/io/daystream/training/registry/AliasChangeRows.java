package io.daystream.training.registry;

import java.sql.Timestamp;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The schema shared by the alias table (one row per task and head: its latest change) and the
 * alias change log (every change), and the mapping to {@link AliasChange}.
 */
final class AliasChangeRows {

  static final StructType SCHEMA = new StructType()
      .add("task", DataTypes.StringType, false)
      .add("head", DataTypes.StringType, false)
      .add("generation", DataTypes.LongType, false)
      .add("action", DataTypes.StringType, false)
      .add("from_version", DataTypes.StringType, true)
      .add("to_version", DataTypes.StringType, false)
      .add("changed_by", DataTypes.StringType, false)
      .add("reason", DataTypes.StringType, false)
      .add("changed_at", DataTypes.TimestampType, false);

  private AliasChangeRows() {}

  static Row toRow(AliasChange c) {
    return RowFactory.create(c.task(), c.head(), c.generation(), c.action().label(), c.fromVersion().orElse(null),
        c.toVersion(), c.changedBy(), c.reason(), Timestamp.from(c.changedAt()));
  }

  static AliasChange fromRow(Row r) {
    return new AliasChange(r.getAs("task"), r.getAs("head"), r.<Long>getAs("generation"),
        AliasChange.Action.ofLabel(r.getAs("action")), Optional.ofNullable(r.getAs("from_version")),
        r.getAs("to_version"), r.getAs("changed_by"), r.getAs("reason"), r.<Timestamp>getAs("changed_at").toInstant());
  }
}
