package io.daystream.core.config;

/** Settings of the text featurization pipeline and of the feature sets. */
public record FeatureSettings(int textHashFeatures, int minTokenLength, EngagementHistorySettings engagement,
    MarketFeatureSettings market) {

  static FeatureSettings from(ConfigReader c) {
    return new FeatureSettings(c.intAtLeast("text-hash-features", 16), c.intAtLeast("min-token-length", 1),
        EngagementHistorySettings.from(c), MarketFeatureSettings.from(c.section("market")));
  }
}
