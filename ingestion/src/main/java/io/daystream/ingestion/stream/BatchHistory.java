package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics that a query's batches carried in their bronze commits (see {@link BatchCommitInfo}),
 * copied into {@code ingestion_metrics} in one append: every few batches, when the query stops,
 * and before the watermark reads the table. A batch's row is written once, whoever copies it: a
 * batch already there is left out.
 */
public final class BatchHistory {

  /**
   * How far back the copy looks. Copies come every few batches, so the batches not yet copied
   * are among the latest commits, unless hundreds of other commits (backfills) came between.
   */
  private static final int RECENT_COMMITS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(BatchHistory.class);

  private final String query;
  private final String bronzePath;
  private final IngestionMetrics metrics;

  public BatchHistory(String query, String bronzePath, IngestionMetrics metrics) {
    this.query = query;
    this.bronzePath = bronzePath;
    this.metrics = metrics;
  }

  /**
   * Appends the rows of the query's batches whose bronze commit is among the recent ones and
   * whose row is not in the table yet.
   *
   * @return the rows appended
   */
  public int copyToMetrics(SparkSession spark) {
    List<IngestionMetrics.Batch> carried = new ArrayList<>();
    // Collected on the driver: a few hundred commit infos at most, parsed there.
    for (Row commit : DeltaTable.forPath(spark, bronzePath).history(RECENT_COMMITS)
        .where(col("operation").equalTo("MERGE").and(col("userMetadata").isNotNull()))
        .select("timestamp", "userMetadata", "operationMetrics").collectAsList()) {
      Optional<BatchCommitInfo> info = BatchCommitInfo.parse(commit.getString(1));
      if (info.isPresent() && info.get().query().equals(query)) {
        carried.add(rowOf(info.get(), commit));
      }
    }
    if (carried.isEmpty()) {
      return 0;
    }
    long earliest = carried.stream().mapToLong(IngestionMetrics.Batch::batchId).min().getAsLong();
    Set<Long> recorded = metrics.batchIdsFrom(spark, query, earliest);
    List<IngestionMetrics.Batch> missing = carried.stream().filter(b -> !recorded.contains(b.batchId())).toList();
    if (!missing.isEmpty()) {
      metrics.recordAll(spark, missing);
      LOG.info("{}: copied the metrics of {} batches from their bronze commits", query, missing.size());
    }
    return missing.size();
  }

  private static IngestionMetrics.Batch rowOf(BatchCommitInfo info, Row commit) {
    java.time.Instant committedAt = commit.getTimestamp(0).toInstant();
    long written = BronzeTable.insertedRows(commit.getJavaMap(2));
    long durationMs = Math.max(0, Duration.between(info.startedAt(), committedAt).toMillis());
    return new IngestionMetrics.Batch(info.query(), info.stream(), info.batchId(), info.inputRows(), written,
        info.quarantinedRows(), durationMs, info.latestEventTimeByPartition(), info.batchTime());
  }
}
