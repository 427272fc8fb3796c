package io.daystream.features.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one materialized feature day was computed from: the feature-set version (the definitions)
 * and a fingerprint of each input it read. Equal lineage means equal rows, so the day is skipped.
 */
public record DayLineage(String featureSetVersion, List<InputFingerprint> inputs) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public DayLineage {
    inputs = List.copyOf(inputs);
  }

  /** Same definitions and, input by input, the same content read. */
  public boolean sameAs(DayLineage other) {
    if (!featureSetVersion.equals(other.featureSetVersion) || inputs.size() != other.inputs.size()) {
      return false;
    }
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).sameContentAs(other.inputs.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The Delta version of each input table that was read, by lake folder: the rows' lineage column. */
  public Map<String, Long> tableVersions() {
    Map<String, Long> versions = new TreeMap<>();
    inputs.forEach(input -> versions.merge(input.table(), input.tableVersion(), Math::max));
    return versions;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write lineage", e);
    }
  }

  public static DayLineage fromJson(String json) {
    try {
      return JSON.readValue(json, DayLineage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable feature lineage: " + json, e);
    }
  }
}
