package io.daystream.core.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * One Kafka topic read by a named Structured Streaming query whose every micro-batch goes to a
 * {@code foreachBatch} writer, with its checkpoint: the lifecycle shared by the ingestion queries
 * and the score job. The query is named after its checkpoint folder, so a restart with the same
 * name resumes where the last run committed.
 */
public final class KafkaBatchQuery implements AutoCloseable {

  private final StreamingQuery query;

  private KafkaBatchQuery(StreamingQuery query) {
    this.query = query;
  }

  /**
   * @param kafkaOptions the Kafka source's options (servers, subscription, starting offsets)
   * @param trigger empty: read what is available now and stop ({@code Trigger.AvailableNow});
   *     otherwise one micro-batch per interval until stopped
   * @param writer called with each micro-batch of raw Kafka rows and its batch id; a batch
   *     replayed after a crash comes again with the same id
   */
  public static KafkaBatchQuery start(SparkSession spark, String queryName, String checkpoint,
      Map<String, String> kafkaOptions, Optional<Duration> trigger, VoidFunction2<Dataset<Row>, Long> writer) {
    try {
      return new KafkaBatchQuery(spark.readStream()
          .format("kafka")
          .options(kafkaOptions)
          .load()
          .writeStream()
          .queryName(queryName)
          .option("checkpointLocation", checkpoint)
          .trigger(trigger.map(i -> Trigger.ProcessingTime(i.toMillis())).orElse(Trigger.AvailableNow()))
          .foreachBatch(writer)
          .start());
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not start " + queryName, e);
    }
  }

  public String name() {
    return query.name();
  }

  /** Blocks until the query has planned its first batch: messages produced from now on will be read. */
  public void awaitStarted() {
    while (query.isActive() && query.lastProgress() == null) {
      sleep(50);
    }
    rethrowFailure();
  }

  /** Blocks until every message now in the topic has gone through the writer. */
  public void processAllAvailable() {
    query.processAllAvailable();
  }

  /** Blocks until the query stops; rethrows its failure with the query's name. */
  public void awaitTermination() {
    try {
      query.awaitTermination();
    } catch (StreamingQueryException e) {
      throw new IllegalStateException(query.name() + " failed: " + e.message(), e);
    }
  }

  /**
   * Stops the query as soon as the batch it is running, if any, has finished, waiting at most
   * {@code patience}: what a SIGTERM asks for. A batch that outlasts the patience is cut short
   * and redone from the checkpoint at the next start.
   */
  public void stopAfterRunningBatch(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    if (query.isActive() && query.status().isTriggerActive()) {
      long lastFinished = lastFinishedBatch();
      while (query.isActive() && lastFinishedBatch() == lastFinished && System.nanoTime() < deadline) {
        sleep(50);
      }
    }
    close();
  }

  /** Stops the query; a batch in progress is cut short and redone from the checkpoint at the next start. */
  @Override
  public void close() {
    try {
      query.stop();
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not stop " + query.name(), e);
    }
  }

  private long lastFinishedBatch() {
    return query.lastProgress() == null ? -1 : query.lastProgress().batchId();
  }

  /** Throws the query's failure, if it failed; does nothing while it runs or after a clean stop. */
  public void rethrowFailure() {
    if (query.exception().isDefined()) {
      throw new IllegalStateException(query.name() + " failed: " + query.exception().get().message());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
