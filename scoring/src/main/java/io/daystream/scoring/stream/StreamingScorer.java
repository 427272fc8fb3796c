package io.daystream.scoring.stream;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.KafkaSourceOptions;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.history.CandidateExamples;
import io.daystream.scoring.candidates.CandidateContext;
import io.daystream.scoring.champion.ChampionModels;
import io.daystream.training.registry.ModelRegistry;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The streaming scorer: new tweets from Kafka, scored for candidate users by the current champion
 * of one engagement head, into the scores and top-N tables. It starts at the topic's end the
 * first time (new tweets only) and from its checkpoint afterwards.
 */
public final class StreamingScorer implements AutoCloseable {

  public static final String TASK = "engagement";

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final String bootstrapServers;
  private final String head;
  private StreamingQuery query;

  public StreamingScorer(SparkSession spark, DaystreamConfig config, String bootstrapServers, String head) {
    this.spark = spark;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.head = head;
  }

  public void start() {
    Lake lake = new Lake(config.lake());
    ChampionModels champions = new ChampionModels(new ModelRegistry(spark, lake), TASK, head);
    String engagements = lake.path(LakeTable.ENGAGEMENTS);
    ScoreBatchWriter writer = new ScoreBatchWriter(head, champions,
        () -> CandidateContext.fromEngagements(spark, engagements, config.scoring().activeUserDays(),
            config.scoring().maxCandidateUsers()),
        memoized(() -> new CandidateExamples(spark, lake, config.features())),
        new ScoreTables(lake.path(LakeTable.SCORES), lake.path(LakeTable.TOP_N), config.scoring().topN()));
    String queryName = "score-" + head;
    Map<String, String> options =
        KafkaSourceOptions.forTopic(config.kafka(), bootstrapServers, config.kafka().topics().tweets());
    options.put("startingOffsets", "latest");
    try {
      query = spark.readStream()
          .format("kafka")
          .options(options)
          .load()
          .writeStream()
          .queryName(queryName)
          .option("checkpointLocation", lake.checkpoint(queryName))
          .trigger(Trigger.ProcessingTime(config.scoring().trigger().toMillis()))
          .foreachBatch(writer)
          .start();
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not start " + queryName, e);
    }
  }

  /** Blocks until the query has read its source once, so that later messages will be scored. */
  public void awaitStarted() {
    requireStarted();
    while (query.isActive() && query.lastProgress() == null) {
      sleep(100);
    }
    rethrowFailure();
  }

  /** Blocks until every message now in the topic has been scored. */
  public void awaitCaughtUp() {
    requireStarted();
    query.processAllAvailable();
  }

  public void awaitTermination() {
    requireStarted();
    try {
      query.awaitTermination();
    } catch (StreamingQueryException e) {
      throw new IllegalStateException("scoring query failed: " + e.message(), e);
    }
  }

  @Override
  public void close() {
    if (query != null) {
      try {
        query.stop();
      } catch (TimeoutException e) {
        throw new IllegalStateException("could not stop the scorer", e);
      }
    }
  }

  private void requireStarted() {
    if (query == null) {
      throw new IllegalStateException("the scorer was not started");
    }
  }

  private void rethrowFailure() {
    if (query.exception().isDefined()) {
      throw new IllegalStateException("scoring query failed: " + query.exception().get().message());
    }
  }

  /** Calls {@code create} once, on first use: the text and topic models load with the first batch. */
  private static <T> Supplier<T> memoized(Supplier<T> create) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = create.get();
        }
        return value;
      }
    };
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
