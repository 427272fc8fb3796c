package io.daystream.features.job;

import java.time.LocalDate;
import java.util.List;

/** What a feature job did for one feature set: days written, days skipped as up to date, rows written. */
public record FeatureRun(String featureSet, List<LocalDate> written, List<LocalDate> skipped, long rows) {

  public FeatureRun {
    written = List.copyOf(written);
    skipped = List.copyOf(skipped);
  }
}
