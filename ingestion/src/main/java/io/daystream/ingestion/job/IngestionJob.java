package io.daystream.ingestion.job;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.KafkaSourceOptions;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.ingestion.stream.BronzeBatchWriter;
import io.daystream.ingestion.stream.BronzeTable;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.ingestion.stream.IngestionMetrics;
import io.daystream.ingestion.watermark.EventTimeWatermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Kafka topics into bronze Delta tables: one Structured Streaming query per stream, each with
 * its own checkpoint. Until-idle mode reads what is there and stops; otherwise it runs until
 * {@link #close()}.
 */
public final class IngestionJob implements AutoCloseable {

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final String bootstrapServers;
  private final List<IngestedStream> streams;
  private final Optional<Duration> triggerInterval;
  private final List<StreamingQuery> queries = new ArrayList<>();

  /**
   * @param triggerInterval empty: process what is available and stop ({@code Trigger.AvailableNow})
   */
  public IngestionJob(SparkSession spark, DaystreamConfig config, String bootstrapServers,
      List<IngestedStream> streams, Optional<Duration> triggerInterval) {
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("no stream to ingest");
    }
    this.spark = spark;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
    this.streams = List.copyOf(streams);
    this.triggerInterval = triggerInterval;
  }

  public void start() {
    Lake lake = new Lake(config.lake());
    Quarantine quarantine = new Quarantine(lake.path(LakeTable.QUARANTINE));
    IngestionMetrics metrics = new IngestionMetrics(lake.path(LakeTable.INGESTION_METRICS));
    // Queries run concurrently: tables they share must exist before the first batch, or two
    // first commits to one empty folder conflict.
    quarantine.createIfMissing(spark);
    metrics.createIfMissing(spark);
    for (IngestedStream stream : streams) {
      String queryName = "ingest-" + stream.streamName();
      BronzeTable table = new BronzeTable(stream, lake.path(stream.table()));
      table.createIfMissing(spark);
      EventTimeWatermark watermark = new EventTimeWatermark(queryName,
          config.ingestion().lateDataWatermark().forStream(stream.streamName()),
          config.ingestion().idlePartitionTimeout(), metrics);
      BronzeBatchWriter writer = new BronzeBatchWriter(queryName, stream, table, quarantine, metrics, watermark,
          config.ingestion().maxTextLength());
      try {
        queries.add(spark.readStream()
            .format("kafka")
            .options(KafkaSourceOptions.forTopic(config.kafka(), bootstrapServers, stream.topic(config.kafka().topics())))
            .load()
            .writeStream()
            .queryName(queryName)
            .option("checkpointLocation", lake.checkpoint(queryName))
            .trigger(triggerInterval.map(i -> Trigger.ProcessingTime(i.toMillis())).orElse(Trigger.AvailableNow()))
            .foreachBatch(writer)
            .start());
      } catch (TimeoutException e) {
        throw new IllegalStateException("could not start " + queryName, e);
      }
    }
  }

  /** Waits until every query has stopped; rethrows the first query failure. */
  public void awaitTermination() {
    for (StreamingQuery query : queries) {
      try {
        query.awaitTermination();
      } catch (StreamingQueryException e) {
        throw new IllegalStateException("ingestion query " + query.name() + " failed: " + e.message(), e);
      }
    }
  }

  /**
   * Stops every query as soon as the batch it is running, if any, has finished, waiting at most
   * {@code patience}: what a SIGTERM asks for. A batch that outlasts the patience, or that the
   * query starts before the stop reaches it, is cut short and redone from the checkpoint at the
   * next start.
   */
  public void stopAfterRunningBatches(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    for (StreamingQuery query : queries) {
      if (query.isActive() && query.status().isTriggerActive()) {
        long lastFinished = lastFinishedBatch(query);
        while (query.isActive() && lastFinishedBatch(query) == lastFinished && System.nanoTime() < deadline) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      stop(query);
    }
  }

  private static long lastFinishedBatch(StreamingQuery query) {
    return query.lastProgress() == null ? -1 : query.lastProgress().batchId();
  }

  private static void stop(StreamingQuery query) {
    try {
      query.stop();
    } catch (TimeoutException e) {
      throw new IllegalStateException("could not stop " + query.name(), e);
    }
  }

  /** Stops every query; a batch in progress is cut short and redone from the checkpoint at the next start. */
  @Override
  public void close() {
    queries.forEach(IngestionJob::stop);
  }
}
