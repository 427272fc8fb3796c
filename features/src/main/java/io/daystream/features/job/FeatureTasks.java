package io.daystream.features.job;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.EngagementHistorySettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.history.EngagementAggregates;
import io.daystream.features.history.EngagementExampleSet;
import io.daystream.features.market.MarketExamples;
import io.daystream.features.text.TextFeatureSets;
import io.daystream.features.topic.TopicModels;
import io.delta.tables.DeltaTable;
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
    return switch (name) {
      case "engagement" -> engagement(spark, lake, config);
      case "market" -> market(spark, lake, config);
      default -> throw new IllegalStateException("no feature sets for task " + name);
    };
  }

  /**
   * Tweet text, then the per-day history aggregates (state of D − 1 is what day D reads), then the
   * examples.
   */
  private static FeatureTask engagement(SparkSession spark, Lake lake, DaystreamConfig config) {
    EngagementHistorySettings history = config.features().engagement();
    EngagementAggregates aggregates = new EngagementAggregates(spark, lake, history,
        new TopicModels(spark, lake, config.features()));
    return new FeatureTask("engagement", List.of(
        // The aggregates of D - 1 read the text of the tweets created from D - 1 - lookback on.
        new FeatureStage(TextFeatureSets.tweets(spark, lake, config.features()), 1 + history.tweetLookbackDays()),
        new FeatureStage(aggregates, 1),
        new FeatureStage(new EngagementExampleSet(spark, lake, history, aggregates,
            config.features().textHashFeatures()), 0)));
  }

  /**
   * Market examples read D's bars and history from bronze prices, and D's news and cashtag tweets
   * with their silver text when it exists (else those columns are null).
   */
  private static FeatureTask market(SparkSession spark, Lake lake, DaystreamConfig config) {
    List<FeatureStage> stages = new ArrayList<>();
    // Market examples read the text of day D only, of the sources this lake has: a market lake
    // may hold prices and news but no tweets (their features are then null).
    if (DeltaTable.isDeltaTable(spark, lake.path(LakeTable.NEWS))) {
      stages.add(new FeatureStage(TextFeatureSets.news(spark, lake, config.features()), 0));
    }
    if (DeltaTable.isDeltaTable(spark, lake.path(LakeTable.TWEETS))) {
      stages.add(new FeatureStage(TextFeatureSets.tweets(spark, lake, config.features()), 0));
    }
    stages.add(new FeatureStage(new MarketExamples(spark, lake, config.features().market()), 0));
    return new FeatureTask("market", stages);
  }
}
