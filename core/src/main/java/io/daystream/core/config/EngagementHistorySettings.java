package io.daystream.core.config;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Settings of the engagement history features ({@code daystream.features.engagement}): target
 * encoding, how far back a day looks for the text of the tweets it shows, and the topic model.
 *
 * @param targetEncodingWeight w in (positives + w·prior) / (impressions + w): how many impressions
 *     of the prior a key's own record must outweigh
 * @param tweetLookbackDays a day's impressions find their tweet's text among tweets created on the
 *     day itself or this many days before; older tweets have no text or topic
 * @param topicCount clusters of the topic model
 * @param topicFitDays days of tweet text the topic model is fitted on
 * @param topicFitFrom first day of that window; empty: the first day of {@code silver/tweet_text}
 * @param topicMaxIterations iterations of the clustering
 * @param topicSeed seed of the clustering's first start
 * @param topicRestarts clusterings fitted from seeds topicSeed, topicSeed + 1, ...; the one of least
 *     cost is kept
 */
public record EngagementHistorySettings(double targetEncodingWeight, int tweetLookbackDays, int topicCount,
    int topicFitDays, Optional<LocalDate> topicFitFrom, int topicMaxIterations, long topicSeed, int topicRestarts) {

  /** Reads {@code engagement.*} under the {@code features} reader. */
  static EngagementHistorySettings from(ConfigReader c) {
    String fitFrom = c.string("engagement.topics.fit-from");
    return new EngagementHistorySettings(
        c.doubleIn("engagement.target-encoding-weight", 0.0, 1e6),
        c.intAtLeast("engagement.tweet-lookback-days", 0),
        c.intAtLeast("engagement.topics.count", 2),
        c.intAtLeast("engagement.topics.fit-days", 1),
        fitFrom.isBlank() ? Optional.empty() : Optional.of(c.date("engagement.topics.fit-from")),
        c.intAtLeast("engagement.topics.max-iterations", 1),
        c.longAtLeast("engagement.topics.seed", 0),
        c.intAtLeast("engagement.topics.restarts", 1));
  }
}
