package io.daystream.bench.run;

import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Runs one Spark variant to the end of the topic and times it from its batches' progress. */
public final class SparkRunner {

  private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);

  private final SparkSession spark;
  private final ProgressRecorder recorder = new ProgressRecorder();

  public SparkRunner(SparkSession spark) {
    this.spark = spark;
    spark.streams().addListener(recorder);
  }

  /**
   * @param expectedRows messages on the topic: a variant that reads another number has failed
   */
  public RunResult run(SparkVariant variant, VariantRun run, int round, long expectedRows) {
    if (run.storedRows() > 0) {
      variant.storeHistory(run);
    }
    recorder.reset();
    long started = System.nanoTime();
    variant.run(run);
    long wallMs = (System.nanoTime() - started) / 1_000_000;
    List<BatchTiming> batches = recorder.awaitTerminations(1, PROGRESS_TIMEOUT).stream().map(BatchTiming::of).toList();
    long rowsRead = batches.stream().mapToLong(BatchTiming::rows).sum();
    if (rowsRead != expectedRows) {
      throw new IllegalStateException(variant.variantName() + " read " + rowsRead + " rows, expected " + expectedRows);
    }
    long rowsWritten = spark.read().format("delta").load(variant.outputPath(run)).count() - run.storedRows();
    return new RunResult(variant.variantName(), round, rowsRead, rowsWritten, wallMs, batches);
  }
}
