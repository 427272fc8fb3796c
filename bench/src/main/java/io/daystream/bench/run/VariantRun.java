package io.daystream.bench.run;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.ingestion.stream.IngestedStream;
import org.apache.spark.sql.SparkSession;

/**
 * Where one run of a Spark variant reads and writes.
 *
 * @param config the configuration of this run, whose home is a fresh folder: checkpoints start
 *     empty, so every run reads the whole topic from the beginning
 * @param storedRows rows the output table holds before the run (see {@link StoredRows}); 0: it
 *     starts empty
 */
public record VariantRun(SparkSession spark, DaystreamConfig config, String bootstrapServers, IngestedStream stream,
    long storedRows) {

  public String topic() {
    return stream.topic(config.kafka().topics());
  }

  /** The output table of the variants that are not Daystream's own job. */
  public String outputPath() {
    return config.lake().root() + "/bench_output";
  }

  public String checkpoint(String name) {
    return config.lake().checkpoints() + "/" + name;
  }
}
