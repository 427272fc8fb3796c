package io.daystream.features.job;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.features.market.MarketExamples;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The tasks whose gold tables the {@code features} command builds, by name. */
public final class FeatureTasks {

  public static final List<String> NAMES = List.of("engagement", "market");

  private FeatureTasks() {}

  /** @throws IllegalArgumentException for a name not in {@link #NAMES} */
  public static FeatureTask of(String name, SparkSession spark, Lake lake, DaystreamConfig config) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown task '" + name + "', expected one of " + NAMES);
    }
    if (name.equals("market")) {
      return market(spark, lake, config);
    }
    throw new UnsupportedOperationException("the " + name + " feature sets are not registered yet");
  }

  /**
   * Market examples read D's bars and history from bronze prices, and D's news and cashtag tweets
   * with their silver text when it exists (else those columns are null).
   */
  private static FeatureTask market(SparkSession spark, Lake lake, DaystreamConfig config) {
    List<FeatureStage> stages = new ArrayList<>();
    // TEXT STAGES: the silver news-text and tweet-text sets (issue 11, item 4) go here, first,
    // with daysBefore 0 (market examples read the text of day D only), once their factory exists.
    stages.add(new FeatureStage(new MarketExamples(spark, lake, config.features().market()), 0));
    return new FeatureTask("market", stages);
  }
}
