package io.daystream.training.registry;

/** Where a model version stands in the registry. */
public enum VersionStatus {
  /** Allocated, its model being trained into the staging folder; not servable. */
  STAGED,
  /** Evaluated, its files moved into their immutable version folder; servable. */
  REGISTERED,
  /** Its window could not give a model (too few rows, one class): a reason, no files. */
  SKIPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static VersionStatus ofLabel(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
