package io.daystream.bench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Collects the progress of every micro-batch that read rows. Spark delivers listener events
 * asynchronously, after {@code awaitTermination()} may already have returned, so a run waits for
 * its queries' terminated events, which come after their last progress.
 */
public final class ProgressRecorder extends StreamingQueryListener {

  private final List<StreamingQueryProgress> batches = new ArrayList<>();
  private int terminated;

  /** Forgets what earlier runs recorded. */
  public synchronized void reset() {
    batches.clear();
    terminated = 0;
  }

  /**
   * Waits until {@code queries} queries have terminated since the last reset.
   *
   * @return the progress of their batches that read rows, in arrival order
   */
  public synchronized List<StreamingQueryProgress> awaitTerminations(int queries, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (terminated < queries) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("no terminated event from the streaming query after " + timeout);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for query progress", e);
      }
    }
    return List.copyOf(batches);
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {
    // nothing to record
  }

  @Override
  public synchronized void onQueryProgress(QueryProgressEvent event) {
    if (event.progress().numInputRows() > 0) {
      batches.add(event.progress());
    }
  }

  @Override
  public synchronized void onQueryTerminated(QueryTerminatedEvent event) {
    terminated++;
    notifyAll();
  }
}
