package io.daystream.scoring.job;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a score job has done since it started: for its log and its command's summary. */
public final class ScoreTotals {

  private long batches;
  private long candidates;
  private long quarantined;
  private final Map<String, TreeSet<String>> versionsByHead = new TreeMap<>();

  synchronized void add(long scoredCandidates, long rejectedRequests, Map<String, String> versions) {
    batches++;
    candidates += scoredCandidates;
    quarantined += rejectedRequests;
    versions.forEach((head, version) -> versionsByHead.computeIfAbsent(head, h -> new TreeSet<>()).add(version));
  }

  /** Micro-batches that held at least one request, good or bad. */
  public synchronized long batches() {
    return batches;
  }

  public synchronized long candidates() {
    return candidates;
  }

  /** Malformed requests sent to the quarantine. */
  public synchronized long quarantined() {
    return quarantined;
  }

  /** Every version that scored, by head. */
  public synchronized Map<String, TreeSet<String>> versionsByHead() {
    Map<String, TreeSet<String>> copy = new TreeMap<>();
    versionsByHead.forEach((head, versions) -> copy.put(head, new TreeSet<>(versions)));
    return copy;
  }
}
