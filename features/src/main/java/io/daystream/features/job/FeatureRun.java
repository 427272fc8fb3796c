package io.daystream.features.job;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a feature job did for one feature set: days written, days skipped as up to date, rows
 * written, and the input tables that did not exist when a written day read them (read as empty:
 * the features drawn from them are null).
 */
public record FeatureRun(String featureSet, List<LocalDate> written, List<LocalDate> skipped, long rows,
    SortedSet<String> absentInputs) {

  public FeatureRun {
    written = List.copyOf(written);
    skipped = List.copyOf(skipped);
    absentInputs = Collections.unmodifiableSortedSet(new TreeSet<>(absentInputs));
  }

  public FeatureRun(String featureSet, List<LocalDate> written, List<LocalDate> skipped, long rows) {
    this(featureSet, written, skipped, rows, new TreeSet<>());
  }
}
