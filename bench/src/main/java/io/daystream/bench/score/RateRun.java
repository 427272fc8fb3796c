package io.daystream.bench.score;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.kafka.KafkaEndpoint;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.replay.TopicProducer;
import io.daystream.scoring.job.ScoreJob;
import io.daystream.scoring.job.ScoreJobs;
import io.daystream.scoring.sink.ScoreSinks;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One offered rate: a score job of its own (own query name, checkpoint and requests topic: the
 * Delta writes use the name as their transaction id, so a shared name would skip batch ids already
 * written), fed by an {@link OfferedLoad} for the warm-up and the measured span, then given the
 * drain time to catch up; measured from the scores table's rows and commits afterwards.
 */
final class RateRun {

  /** What every run shares: the world and where to run. */
  record Setup(SparkSession spark, DaystreamConfig config, KafkaEndpoint kafka, BatchProgress progress,
      List<String> users, List<String> tweets, Instant requestedAt, int candidatesPerRequest) {}

  private final Setup setup;

  RateRun(Setup setup) {
    this.setup = setup;
  }

  RateResult run(String name, int candidatesPerSecond, Duration trigger, Duration warmup, Duration measured,
      Duration drain) {
    String topic = "daystream.bench." + name;
    setup.kafka().ensureTopics(List.of(topic));
    int perRequest = setup.candidatesPerRequest();
    long offerStart;
    long offerEnd;
    int sent;
    long offered;
    long scoredAtOfferEnd;
    long drainedAt;
    long scored;
    double cpuSeconds;
    OfferedLoad load;
    try (TopicProducer producer = new TopicProducer(setup.kafka().bootstrapServers(),
        setup.config().kafka().clientProperties());
        ScoreJob job = ScoreJobs.create(setup.spark(), setup.config(), setup.kafka().bootstrapServers(),
            Optional.of(trigger), name, topic)) {
      job.start();
      job.awaitStarted();
      load = new OfferedLoad(producer, topic, name, setup.users(), setup.tweets(), perRequest, setup.requestedAt());
      long cpuStart = processCpuNanos();
      offerStart = System.currentTimeMillis();
      sent = load.offer((double) candidatesPerSecond / perRequest, warmup.plus(measured));
      offerEnd = System.currentTimeMillis();
      scoredAtOfferEnd = job.totals().candidates();
      producer.flush();
      offered = (long) sent * perRequest;
      long deadline = System.nanoTime() + drain.toNanos();
      while (job.totals().candidates() < offered && System.nanoTime() < deadline) {
        job.rethrowFailure();
        sleep(100);
      }
      drainedAt = System.currentTimeMillis();
      scored = job.totals().candidates();
      cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      if (scored >= offered) {
        // The last batch's progress (its duration) comes after its writes: let it arrive before the stop.
        job.processAllAvailable();
        sleep(1000);
      }
    }
    String scoresPath = new Lake(setup.config().lake()).path(LakeTable.SCORES);
    Map<Long, Long> commits = ScoreCommits.of(setup.spark().sparkContext().hadoopConfiguration(), scoresPath,
        ScoreSinks.scoresTransaction(name));
    List<Row> rows = setup.spark().read().format("delta").load(scoresPath)
        .where(col("request_id").startsWith(name + "-"))
        .groupBy("request_id", "batch_id").count().collectAsList();

    long measuredFrom = offerStart + warmup.toMillis();
    Map<String, Long> producedAt = load.producedAtMillis();
    List<Double> latencies = new ArrayList<>();
    Map<Long, Long> candidatesByBatch = new TreeMap<>();
    for (Row row : rows) {
      long batchId = row.getLong(1);
      candidatesByBatch.merge(batchId, row.getLong(2), Long::sum);
      long produced = producedAt.get(row.getString(0));
      Long committed = commits.get(batchId);
      if (produced >= measuredFrom && committed != null) {
        latencies.add((committed - produced) / 1e3);
      }
    }
    latencies.sort(Double::compare);
    long measuredRequests = producedAt.values().stream().filter(t -> t >= measuredFrom).count();
    Map<Long, Long> millis = setup.progress().millisByBatch(name);
    List<RateResult.BatchRow> batches = new ArrayList<>();
    long committedInSpan = 0;
    for (Map.Entry<Long, Long> batch : candidatesByBatch.entrySet()) {
      long committed = commits.getOrDefault(batch.getKey(), 0L);
      if (committed > measuredFrom && committed <= offerEnd) {
        committedInSpan += batch.getValue();
      }
      batches.add(new RateResult.BatchRow(batch.getKey(), batch.getValue(),
          millis.getOrDefault(batch.getKey(), -1L), (committed - offerStart) / 1e3));
    }
    double span = (offerEnd - measuredFrom) / 1e3;
    return new RateResult(candidatesPerSecond, sent, offered, scored, latencies,
        (int) (measuredRequests - latencies.size()), committedInSpan / span, offered - scoredAtOfferEnd,
        scored >= offered ? (drainedAt - offerEnd) / 1e3 : -1, cpuSeconds,
        scored == 0 ? Double.NaN : cpuSeconds * 1e6 / scored, batches);
  }

  /** CPU time of this process (every thread: Spark, the embedded broker, the producer). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
