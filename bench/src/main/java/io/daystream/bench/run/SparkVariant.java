package io.daystream.bench.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.to_date;

import io.daystream.bench.messages.BenchmarkMessages;
import io.daystream.core.kafka.KafkaSourceOptions;
import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.ingestion.job.IngestionJob;
import io.daystream.ingestion.stream.BronzeSchemas;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark pipelines the benchmark compares, from the bare one to Daystream's, each a step more.
 * All read the topic with the same source options (Daystream's {@link KafkaSourceOptions}, so the
 * same {@code maxOffsetsPerTrigger}) under {@code Trigger.AvailableNow}, and all parse the JSON
 * value with {@code from_json} and the stream's message schema: a pipeline that kept the raw
 * bytes would not be doing the same job.
 */
public enum SparkVariant {

  /** The bare pipeline the goal is measured against: parse, append. */
  SPARK_APPEND("spark-append",
      "Kafka → from_json → Delta append, unpartitioned (the bare Spark pipeline)") {
    @Override
    void run(VariantRun run) {
      await(parsed(run).writeStream().format("delta"), run, variantName());
    }

    @Override
    void storeHistory(VariantRun run) {
      StoredRows.write(run.spark(), outputPath(run), run.stream().messageSchema(), false, run.stream(),
          run.storedRows(), BenchmarkMessages.START);
    }
  },

  /** Adds the bronze layout: one partition per UTC event day, as Daystream's tables have. */
  SPARK_APPEND_BY_DAY("spark-append-by-day",
      "Kafka → from_json → event_date → Delta append partitioned by event_date") {
    @Override
    void run(VariantRun run) {
      await(withEventDate(parsed(run), run).writeStream().format("delta").partitionBy(CanonicalSchemas.EVENT_DATE),
          run, variantName());
    }
  },

  /** Adds exactly-once by key: dedupe in the batch and an insert-only MERGE instead of an append. */
  SPARK_MERGE_BY_DAY("spark-merge-by-day",
      "Kafka → from_json → event_date → foreachBatch: dropDuplicates(key) + insert-only MERGE on the key, "
          + "table partitioned by event_date") {
    @Override
    void run(VariantRun run) {
      DeltaTables.createIfMissing(run.spark(), run.outputPath(), byDaySchema(run), CanonicalSchemas.EVENT_DATE);
      await(withEventDate(parsed(run), run).writeStream()
              .foreachBatch(new InsertOnlyMerge(run.outputPath(), run.stream().keyColumns())),
          run, variantName());
    }
  },

  /** Daystream's own ingestion job, unchanged. */
  DAYSTREAM("daystream",
      "IngestionJob: parse, validate, jsoup clean, quarantine check, dedupe + insert-only MERGE carrying the batch metrics") {
    @Override
    void run(VariantRun run) {
      try (IngestionJob job = new IngestionJob(run.spark(), run.config(), run.bootstrapServers(),
          List.of(run.stream()), Optional.empty())) {
        job.start();
        job.awaitTermination();
      }
    }

    @Override
    String outputPath(VariantRun run) {
      return new Lake(run.config().lake()).path(run.stream().table());
    }

    @Override
    void storeHistory(VariantRun run) {
      StoredRows.write(run.spark(), outputPath(run), BronzeSchemas.of(run.stream()), true, run.stream(),
          run.storedRows(), BenchmarkMessages.START);
    }
  };

  private final String name;
  private final String description;

  SparkVariant(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** Starts the variant's query on the run's folders and returns once it has read the whole topic. */
  abstract void run(VariantRun run);

  /** Fills the output table with the run's stored rows before the query starts. */
  void storeHistory(VariantRun run) {
    StoredRows.write(run.spark(), outputPath(run), byDaySchema(run), true, run.stream(), run.storedRows(),
        BenchmarkMessages.START);
  }

  /** The table of the by-day variants: the message fields and the UTC event day. */
  private static StructType byDaySchema(VariantRun run) {
    return run.stream().messageSchema().add(CanonicalSchemas.EVENT_DATE, DataTypes.DateType);
  }

  /** The Delta table the variant writes. */
  String outputPath(VariantRun run) {
    return run.outputPath();
  }

  /** The name used on the command line and in the results. */
  public String variantName() {
    return name;
  }

  public String description() {
    return description;
  }

  public static SparkVariant byName(String name) {
    for (SparkVariant variant : values()) {
      if (variant.name.equals(name)) {
        return variant;
      }
    }
    throw new IllegalArgumentException("unknown variant '" + name + "'");
  }

  private static Dataset<Row> parsed(VariantRun run) {
    return run.spark().readStream()
        .format("kafka")
        .options(KafkaSourceOptions.forTopic(run.config().kafka(), run.bootstrapServers(), run.topic()))
        .load()
        .select(from_json(col("value").cast("string"), run.stream().messageSchema()).as("message"))
        .select("message.*");
  }

  private static Dataset<Row> withEventDate(Dataset<Row> messages, VariantRun run) {
    return messages.withColumn(CanonicalSchemas.EVENT_DATE, to_date(col(run.stream().eventTimeColumn())));
  }

  private static void await(DataStreamWriter<Row> writer, VariantRun run, String queryName) {
    try {
      writer.queryName("bench-" + queryName)
          .option("checkpointLocation", run.checkpoint(queryName))
          .trigger(Trigger.AvailableNow())
          .start(run.outputPath())
          .awaitTermination();
    } catch (StreamingQueryException e) {
      throw new IllegalStateException("benchmark query " + queryName + " failed: " + e.getMessage(), e);
    }
  }
}
