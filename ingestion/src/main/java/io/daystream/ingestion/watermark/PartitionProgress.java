package io.daystream.ingestion.watermark;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How far each Kafka partition of a query has come in event time, and when it last delivered.
 * Kafka orders records only within a partition, so the query's watermark is the slowest
 * partition's latest event time (as Flink's is), not the latest over all partitions: one
 * partition running days ahead inside a batch must not make the other's records late.
 *
 * <p>A partition that stopped delivering would hold the watermark back for ever. So a partition
 * whose last delivery is more than the idle timeout before the latest delivery of any partition
 * is idle and left out until it delivers again. The clock is the batches' own finish times, not
 * the wall clock, so a batch replayed after a crash sees the same watermark it saw the first time.
 *
 * @param partitions by partition number: its latest event time and the batch time it last delivered
 */
public record PartitionProgress(Map<Integer, Seen> partitions) {

  public static final PartitionProgress NONE = new PartitionProgress(Map.of());

  /** @param lastDeliveredAt when the last batch in which the partition delivered a valid record finished */
  public record Seen(Instant latestEventTime, Instant lastDeliveredAt) {}

  public PartitionProgress {
    partitions = Map.copyOf(partitions);
  }

  /** The slowest active partition's latest event time; empty before any partition delivered. */
  public Optional<Instant> slowestLatest(Duration idleTimeout) {
    Optional<Instant> lastDelivery = partitions.values().stream().map(Seen::lastDeliveredAt).max(Instant::compareTo);
    if (lastDelivery.isEmpty()) {
      return Optional.empty();
    }
    Instant activeSince = lastDelivery.get().minus(idleTimeout);
    return partitions.values().stream()
        .filter(seen -> !seen.lastDeliveredAt().isBefore(activeSince))
        .map(Seen::latestEventTime)
        .min(Instant::compareTo);
  }

  /**
   * This progress after a batch that finished at {@code finishedAt} and delivered valid records
   * up to the given event times on the given partitions.
   */
  public PartitionProgress after(Map<Integer, Instant> batchLatestByPartition, Instant finishedAt) {
    Map<Integer, Seen> next = new HashMap<>(partitions);
    batchLatestByPartition.forEach((partition, latest) -> next.merge(partition, new Seen(latest, finishedAt),
        (before, now) -> new Seen(max(before.latestEventTime(), now.latestEventTime()), now.lastDeliveredAt())));
    return new PartitionProgress(next);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
