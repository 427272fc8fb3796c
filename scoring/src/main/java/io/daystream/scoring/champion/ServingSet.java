package io.daystream.scoring.champion;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The models that score one micro-batch, by head: one consistent set, fixed before the batch
 * starts, so every row of the batch names the same versions.
 */
public record ServingSet(Map<String, ChampionModel> byHead) {

  public ServingSet {
    byHead = Collections.unmodifiableMap(new TreeMap<>(byHead));
  }

  public boolean isEmpty() {
    return byHead.isEmpty();
  }

  /** The version serving each head. */
  public Map<String, String> versions() {
    return byHead.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().version(),
        (a, b) -> a, TreeMap::new));
  }
}
