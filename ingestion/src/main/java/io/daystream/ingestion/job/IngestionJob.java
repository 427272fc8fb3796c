package io.daystream.ingestion.job;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.KafkaSourceOptions;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.stream.KafkaBatchQuery;
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
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka topics into bronze Delta tables: one Structured Streaming query per stream, each with
 * its own checkpoint. Until-idle mode reads what is there and stops; otherwise it runs until
 * {@link #close()}.
 */
public final class IngestionJob implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestionJob.class);

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final String bootstrapServers;
  private final List<IngestedStream> streams;
  private final Optional<Duration> triggerInterval;
  private final List<KafkaBatchQuery> queries = new ArrayList<>();
  private final List<BronzeBatchWriter> writers = new ArrayList<>();

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
          config.ingestion().maxTextLength(), config.ingestion().metricsEveryBatches());
      writers.add(writer);
      queries.add(KafkaBatchQuery.start(spark, queryName, lake.checkpoint(queryName),
          KafkaSourceOptions.forTopic(config.kafka(), bootstrapServers, stream.topic(config.kafka().topics())),
          triggerInterval, writer));
    }
  }

  /** Throws the first query failure, if a query failed. */
  public void rethrowFailure() {
    queries.forEach(KafkaBatchQuery::rethrowFailure);
  }

  /** Waits until every query has stopped; rethrows the first query failure. */
  public void awaitTermination() {
    queries.forEach(KafkaBatchQuery::awaitTermination);
    copyCarriedMetrics();
  }

  /**
   * Stops every query as soon as the batch it is running, if any, has finished, waiting at most
   * {@code patience} in all: what a SIGTERM asks for. A batch that outlasts the patience is cut
   * short and redone from the checkpoint at the next start.
   */
  public void stopAfterRunningBatches(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    for (KafkaBatchQuery query : queries) {
      query.stopAfterRunningBatch(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    copyCarriedMetrics();
  }

  /**
   * The metrics that the last batches carried in their bronze commits, into the metrics table.
   * Should it fail, the next start of a query copies them before its first batch. Synchronized:
   * on SIGTERM the stop hook and the thread awaiting the queries both come here, and the second
   * must see what the first appended.
   */
  private synchronized void copyCarriedMetrics() {
    for (BronzeBatchWriter writer : writers) {
      try {
        writer.copyCarriedMetrics(spark);
      } catch (RuntimeException e) {
        LOG.warn("could not copy the last batches' metrics now; the next start copies them", e);
      }
    }
  }

  /** Stops every query; a batch in progress is cut short and redone from the checkpoint at the next start. */
  @Override
  public void close() {
    queries.forEach(KafkaBatchQuery::close);
  }
}
