package io.daystream.core.lake;

import io.daystream.core.config.LakeSettings;

/**
 * Resolves where things live: tables, stream checkpoints, models and reports. Paths are strings
 * so that local folders, hdfs:// and s3a:// URIs work alike.
 */
public final class Lake {

  private final LakeSettings settings;

  public Lake(LakeSettings settings) {
    this.settings = settings;
  }

  public String path(LakeTable table) {
    return join(settings.root(), table.folder());
  }

  /** The checkpoint folder of one streaming query, named after the query. */
  public String checkpoint(String queryName) {
    return join(settings.checkpoints(), queryName);
  }

  /** The folder of a registered model version; written once, when the version is registered. */
  public String modelPath(String modelVersion) {
    return join(settings.models(), modelVersion);
  }

  /** Where a candidate is trained to before it is registered (or abandoned). */
  public String stagedModelPath(String modelVersion) {
    return join(join(settings.models(), "staging"), modelVersion);
  }

  /** Where a fitted feature model (a text pipeline, a topic model) of one version is saved. */
  public String featureModelPath(String name, String version) {
    return join(join(settings.models(), "features"), name + "/" + version);
  }

  public String reportsRoot() {
    return settings.reports();
  }

  private static String join(String root, String child) {
    return root.endsWith("/") ? root + child : root + "/" + child;
  }
}
