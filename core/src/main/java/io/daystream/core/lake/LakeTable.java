package io.daystream.core.lake;

/** Every Delta table Daystream writes, with its folder under the lake root. */
public enum LakeTable {
  // Bronze: the streams as they arrived, validated, cleaned and deduplicated.
  TWEETS("bronze/tweets"),
  ENGAGEMENTS("bronze/engagements"),
  NEWS("bronze/news"),
  PRICES("bronze/prices"),
  QUARANTINE("bronze/quarantine"),
  INGESTION_METRICS("ops/ingestion_metrics"),
  // Silver: per-item and per-day materializations that gold features are built from.
  TWEET_TEXT("silver/tweet_text"),
  NEWS_TEXT("silver/news_text"),
  ENGAGEMENT_AGGREGATES("silver/engagement_aggregates"),
  // Gold: one row per training example, its features and labels, partitioned by day.
  ENGAGEMENT_EXAMPLES("gold/engagement_examples"),
  MARKET_EXAMPLES("gold/market_examples"),
  // Which feature days are materialized, from which inputs, with which feature-set version.
  FEATURE_DAYS("ops/feature_days"),
  // Which days the daily retraining finished, with which settings: a backfill resumes from it.
  RETRAIN_RUNS("ops/retrain_runs"),
  // Registry: every model version with its lineage, the champion alias of each task and head
  // (one row each), and the log of every alias change: who served when.
  MODEL_REGISTRY("registry/versions"),
  CHAMPION_ALIASES("registry/aliases"),
  PROMOTIONS("registry/alias_changes"),
  // Serving: what the streaming scorer writes.
  SCORES("serving/scores"),
  TOP_N("serving/top_n"),
  // The served models' live quality: scores joined to the engagements that answered them.
  LIVE_METRICS("ops/live_metrics");

  private final String folder;

  LakeTable(String folder) {
    this.folder = folder;
  }

  public String folder() {
    return folder;
  }
}
