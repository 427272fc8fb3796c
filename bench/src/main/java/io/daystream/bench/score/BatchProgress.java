package io.daystream.bench.score;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * The duration of every micro-batch of the benchmark's queries, as Spark reports it
 * ({@code triggerExecution}: from the trigger to the batch's commit in the checkpoint). Row
 * counts come from the scores table instead: in a {@code foreachBatch} query Spark counts the
 * Kafka scan once per action on the batch.
 */
final class BatchProgress extends StreamingQueryListener {

  /** One micro-batch: its id and its duration in milliseconds. */
  record Batch(long batchId, long millis) {}

  private final Map<String, List<Batch>> byQuery = new ConcurrentHashMap<>();

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    Long millis = event.progress().durationMs().get("triggerExecution");
    byQuery.computeIfAbsent(event.progress().name(), n -> new CopyOnWriteArrayList<>())
        .add(new Batch(event.progress().batchId(), millis == null ? 0 : millis));
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {}

  /** Duration in milliseconds by batch id, of the query of that name. */
  Map<Long, Long> millisByBatch(String queryName) {
    Map<Long, Long> millis = new java.util.TreeMap<>();
    byQuery.getOrDefault(queryName, List.of()).forEach(b -> millis.merge(b.batchId(), b.millis(), Math::max));
    return millis;
  }
}
