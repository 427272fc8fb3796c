package io.daystream.bench.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.to_date;

import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.ingestion.stream.IngestedStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The history an output table already holds when a run starts: rows on event days well before the
 * messages', with keys no message has. A real bronze table holds months; a MERGE that looks up
 * keys in all of it pays for every one of those rows on every batch.
 */
public final class StoredRows {

  /** Days of history, ending this many days before the first message's day. */
  private static final int DAYS = 60;
  private static final int GAP_DAYS = 10;
  private static final long SECONDS_PER_DAY = 86_400;

  private StoredRows() {}

  /**
   * Writes {@code rows} rows of {@code schema} to a new Delta table at {@code path}, one file per
   * event day when the table is partitioned by day. Keys and event times are filled in; the other
   * columns are null, since a key lookup reads only the key and date columns.
   */
  public static void write(SparkSession spark, String path, StructType schema, boolean byDay, IngestedStream stream,
      long rows, LocalDate firstMessageDay) {
    long lastStoredSecond = firstMessageDay.minusDays(GAP_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
    Column eventTime = timestamp_seconds(lit(lastStoredSecond).minus(col("id").mod(DAYS * SECONDS_PER_DAY)));
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      Column value;
      if (stream.keyColumns().contains(field.name())) {
        value = concat(lit("stored-"), col("id").cast("string"));
      } else if (field.name().equals(stream.eventTimeColumn())) {
        value = eventTime;
      } else if (field.name().equals(CanonicalSchemas.EVENT_DATE)) {
        value = to_date(eventTime);
      } else {
        value = lit(null);
      }
      columns.add(value.cast(field.dataType()).as(field.name()));
    }
    var table = spark.range(rows).select(columns.toArray(Column[]::new));
    DataFrameWriter<Row> writer = byDay
        ? table.repartition(col(CanonicalSchemas.EVENT_DATE)).write().partitionBy(CanonicalSchemas.EVENT_DATE)
        : table.write();
    writer.format("delta").mode("errorifexists").save(path);
  }
}
