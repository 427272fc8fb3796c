package io.daystream.core.config;

import com.typesafe.config.Config;

/** Every setting of Daystream, typed and checked once at start (see reference.conf). */
public record DaystreamConfig(
    String home,
    SparkSettings spark,
    LakeSettings lake,
    KafkaSettings kafka,
    IngestionSettings ingestion,
    FeatureSettings features,
    TrainingSettings training,
    PromotionSettings promotion,
    ScoringSettings scoring,
    RunSettings run,
    DemoSettings demo) {

  static DaystreamConfig from(Config root) {
    return new DaystreamConfig(
        new ConfigReader(root, "daystream").nonEmptyString("home"),
        SparkSettings.from(new ConfigReader(root, "daystream.spark")),
        LakeSettings.from(new ConfigReader(root, "daystream.lake")),
        KafkaSettings.from(new ConfigReader(root, "daystream.kafka")),
        IngestionSettings.from(new ConfigReader(root, "daystream.ingestion")),
        FeatureSettings.from(new ConfigReader(root, "daystream.features")),
        TrainingSettings.from(new ConfigReader(root, "daystream.training")),
        PromotionSettings.from(new ConfigReader(root, "daystream.promotion")),
        ScoringSettings.from(new ConfigReader(root, "daystream.scoring")),
        RunSettings.from(new ConfigReader(root, "daystream.run")),
        DemoSettings.from(new ConfigReader(root, "daystream.demo")));
  }
}
