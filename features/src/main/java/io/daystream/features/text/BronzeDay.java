package io.daystream.features.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One day's partition of a bronze table; no rows (with the message columns) before the table exists. */
final class BronzeDay {

  private BronzeDay() {}

  static Dataset<Row> read(SparkSession spark, Lake lake, LakeTable table, StructType message, LocalDate day) {
    String path = lake.path(table);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return spark.createDataFrame(List.of(), message.add(CanonicalSchemas.EVENT_DATE, DataTypes.DateType));
    }
    return spark.read().format("delta").load(path)
        .where(col(CanonicalSchemas.EVENT_DATE).equalTo(lit(Date.valueOf(day))));
  }
}
