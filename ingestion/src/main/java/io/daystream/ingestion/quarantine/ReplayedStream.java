package io.daystream.ingestion.quarantine;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a quarantine replay did for one stream. {@code replayed} = {@code landed} +
 * {@code alreadyInBronze} + {@code rejectedAgain}.
 *
 * @param replayed selected quarantined messages sent back through the path
 * @param landed rows the MERGE inserted into the bronze table
 * @param alreadyInBronze good records not inserted because their key was stored already (a copy
 *     that came on time, a replay that a crash cut short before the quarantine step) or because
 *     another copy of the same key in this replay landed
 * @param rejectedAgain records that fail validation now; they stay in the quarantine as they were
 * @param rejectedReasons how many records each validation reason rejected again, by reason
 */
public record ReplayedStream(String stream, long replayed, long landed, long alreadyInBronze, long rejectedAgain,
    SortedMap<String, Long> rejectedReasons) {

  public ReplayedStream {
    rejectedReasons = new TreeMap<>(rejectedReasons);
    if (landed + alreadyInBronze + rejectedAgain != replayed) {
      throw new IllegalArgumentException("replayed " + replayed + " is not landed " + landed + " + already "
          + alreadyInBronze + " + rejected " + rejectedAgain);
    }
  }

  /** A stream with nothing selected. */
  public static ReplayedStream none(String stream) {
    return new ReplayedStream(stream, 0, 0, 0, 0, new TreeMap<>(Map.of()));
  }
}
