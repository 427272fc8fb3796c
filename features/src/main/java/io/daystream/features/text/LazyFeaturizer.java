package io.daystream.features.text;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import org.apache.spark.sql.SparkSession;

/** The text featurizer of a feature set, loaded on the first day that is computed, not before. */
final class LazyFeaturizer {

  private final SparkSession spark;
  private final Lake lake;
  private final FeatureSettings settings;
  private TextFeaturizer featurizer;

  LazyFeaturizer(SparkSession spark, Lake lake, FeatureSettings settings) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
  }

  /** The model versions the features depend on, known without loading them. */
  String versions() {
    return "text=" + new TermsPipeline(settings).version()
        + "/sentiment=" + new SentimentPipeline(SentimentExamples.shipped()).version();
  }

  synchronized TextFeaturizer get() {
    if (featurizer == null) {
      featurizer = TextFeaturizer.loadOrFit(spark, lake, settings);
    }
    return featurizer;
  }
}
