package io.daystream.core.lake;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Creates one Delta table the first time a writer needs it, then trusts that it exists: looking
 * the table up in the Delta log on every micro-batch cost each batch a read.
 */
public final class TableCreation {

  private final String path;
  private final StructType schema;
  private final String[] partitionColumns;
  private volatile boolean done;

  public TableCreation(String path, StructType schema, String... partitionColumns) {
    this.path = path;
    this.schema = schema;
    this.partitionColumns = partitionColumns.clone();
  }

  public void ensure(SparkSession spark) {
    if (!done) {
      DeltaTables.createIfMissing(spark, path, schema, partitionColumns);
      done = true;
    }
  }
}
