package io.daystream.scoring.job;

import io.daystream.core.stream.KafkaBatchQuery;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The score job: the requests topic, read by one streaming query whose micro-batches a
 * {@link ScoreBatch} scores. Until-idle mode scores what is in the topic and stops; otherwise it
 * runs until stopped. Restarted, it resumes from its checkpoint.
 */
public final class ScoreJob implements AutoCloseable {

  public static final String QUERY_NAME = "score-requests";

  private final SparkSession spark;
  private final String name;
  private final ScoreBatch batch;
  private final String checkpoint;
  private final Map<String, String> kafkaOptions;
  private final Optional<Duration> trigger;
  private KafkaBatchQuery query;

  /**
   * @param name the query's name ({@link #QUERY_NAME} for the real job); the batch must write
   *     under the same name
   * @param checkpoint the query's checkpoint folder
   * @param kafkaOptions the Kafka source's options for the requests topic
   * @param trigger empty: until idle; otherwise the micro-batch interval
   */
  public ScoreJob(SparkSession spark, String name, ScoreBatch batch, String checkpoint,
      Map<String, String> kafkaOptions, Optional<Duration> trigger) {
    this.spark = spark;
    this.name = name;
    this.batch = batch;
    this.checkpoint = checkpoint;
    this.kafkaOptions = Map.copyOf(kafkaOptions);
    this.trigger = trigger;
  }

  public void start() {
    if (query != null) {
      throw new IllegalStateException(name + " was started already");
    }
    query = KafkaBatchQuery.start(spark, name, checkpoint, kafkaOptions, trigger, batch);
  }

  /** The query's name: also its checkpoint's and its writes' transaction id. */
  public String name() {
    return name;
  }

  /** What the job has scored since it started. */
  public ScoreTotals totals() {
    return batch.totals();
  }

  /** Throws the query's failure, if it failed. */
  public void rethrowFailure() {
    started().rethrowFailure();
  }

  /** Blocks until the query has planned its first batch. */
  public void awaitStarted() {
    started().awaitStarted();
  }

  /** Blocks until every request now in the topic is scored. */
  public void processAllAvailable() {
    started().processAllAvailable();
  }

  /** Blocks until the query stops (until-idle mode: when the topic is read); rethrows its failure. */
  public void awaitTermination() {
    started().awaitTermination();
  }

  /** Stops after the running batch, waiting at most {@code patience}: what a SIGTERM asks for. */
  public void stopAfterRunningBatch(Duration patience) {
    started().stopAfterRunningBatch(patience);
  }

  @Override
  public void close() {
    if (query != null) {
      query.close();
    }
  }

  private KafkaBatchQuery started() {
    if (query == null) {
      throw new IllegalStateException(name + " was not started");
    }
    return query;
  }
}
