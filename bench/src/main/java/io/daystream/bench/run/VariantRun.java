package io.daystream.bench.run;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.ingestion.stream.IngestedStream;
import org.apache.spark.sql.SparkSession;

/**
 * Where one run of a Spark variant reads and writes.
 *
 * @param config the configuration of this run, whose home is a fresh folder: output tables and
 *     checkpoints start empty, so every run reads the whole topic from the beginning
 */
public record VariantRun(SparkSession spark, DaystreamConfig config, String bootstrapServers, IngestedStream stream) {

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
