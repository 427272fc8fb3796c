package io.daystream.bench.run;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exactly-once by key and nothing else: a batch's rows deduplicated on the key and inserted where
 * the key is new anywhere in the table, without validation, cleaning or metrics. Daystream's
 * batches ({@code BronzeTable.insertNewBatch}) look only from the watermark's day on.
 */
final class InsertOnlyMerge implements VoidFunction2<Dataset<Row>, Long> {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final List<String> keyColumns;

  InsertOnlyMerge(String path, List<String> keyColumns) {
    this.path = path;
    this.keyColumns = List.copyOf(keyColumns);
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    String condition = keyColumns.stream().map(key -> "t." + key + " = s." + key).collect(Collectors.joining(" AND "));
    DeltaTable.forPath(batch.sparkSession(), path).as("t")
        .merge(batch.dropDuplicates(keyColumns.toArray(String[]::new)).as("s"), condition)
        .whenNotMatched().insertAll()
        .execute();
  }
}
