package io.daystream.features.history;

import io.daystream.core.config.TrainingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Column names of {@code silver/engagement_aggregates} and of the history features of
 * {@code gold/engagement_examples}, per head.
 */
public final class HistoryColumns {

  /** The engagement heads, in a fixed order (the project's heads, sorted). */
  public static final List<String> HEADS = TrainingSettings.KNOWN_HEADS.stream().sorted().toList();

  // silver/engagement_aggregates: one row per key kind and key, as of the end of its event_date.
  public static final String KEY_KIND = "key_kind";
  public static final String KEY = "key";
  /** Impressions of the key on every day up to and including event_date. */
  public static final String IMPRESSIONS = "impressions";
  /** Impressions of the key on event_date alone (0 when it had none that day). */
  public static final String DAY_IMPRESSIONS = "day_impressions";
  /** Latest impression time of the key. */
  public static final String LAST_IMPRESSION_AT = "last_impression_at";
  /** Impression time (not engagement time) of the key's latest impression with any engagement. */
  public static final String LAST_ENGAGEMENT_AT = "last_engagement_at";

  // gold/engagement_examples: count encodings and recency (days before D only).
  public static final String USER_IMPRESSIONS = "user_impressions";
  public static final String AUTHOR_IMPRESSIONS = "author_impressions";
  public static final String TWEET_IMPRESSIONS = "tweet_impressions";
  public static final String USER_AUTHOR_IMPRESSIONS = "user_author_impressions";
  /** Hours from the user's latest impression before D to this impression; null if none. */
  public static final String HOURS_SINCE_USER_IMPRESSION = "hours_since_user_impression";
  /** Hours from the user's latest engaged impression before D to this impression; null if none. */
  public static final String HOURS_SINCE_USER_ENGAGEMENT = "hours_since_user_engagement";
  /** The tweet's age at the impression, hours; null when the tweet is unknown. */
  public static final String TWEET_AGE_HOURS = "tweet_age_hours";

  private HistoryColumns() {}

  /** Positives of one head on every day up to event_date, e.g. {@code positives_like}. */
  public static String positives(String head) {
    return "positives_" + head;
  }

  /** Positives of one head on event_date alone. */
  public static String dayPositives(String head) {
    return "day_positives_" + head;
  }

  /** Smoothed target encoding of one key kind and head, e.g. {@code te_user_author_like}. */
  public static String targetEncoding(HistoryKey key, String head) {
    return "te_" + key.kind() + "_" + head;
  }

  /** Smoothed rate of one key kind and head on the day before D, e.g. {@code prev_day_rate_topic_like}. */
  public static String previousDayRate(HistoryKey key, String head) {
    return "prev_day_rate_" + key.kind() + "_" + head;
  }

  /** The prior of one head: its rate over all days before D, e.g. {@code prior_like}. */
  public static String prior(String head) {
    return "prior_" + head;
  }

  /** The smoothed rates of keys (target encodings, previous-day rates), every head, in a fixed order. */
  public static List<String> encodings() {
    List<String> names = new ArrayList<>();
    HEADS.forEach(head -> names.addAll(encodingsOf(head)));
    return names;
  }

  /** Every history feature column of an example, in table order: per head the rates, then counts, recency, age. */
  public static List<String> features() {
    List<String> names = new ArrayList<>();
    for (String head : HEADS) {
      names.addAll(encodingsOf(head));
      names.add(prior(head));
    }
    names.addAll(List.of(USER_IMPRESSIONS, AUTHOR_IMPRESSIONS, TWEET_IMPRESSIONS, USER_AUTHOR_IMPRESSIONS,
        HOURS_SINCE_USER_IMPRESSION, HOURS_SINCE_USER_ENGAGEMENT, TWEET_AGE_HOURS));
    return names;
  }

  private static List<String> encodingsOf(String head) {
    List<String> names = new ArrayList<>();
    EngagementExampleSet.ENCODED.forEach(key -> names.add(targetEncoding(key, head)));
    EngagementExampleSet.PREVIOUS_DAY.forEach(key -> names.add(previousDayRate(key, head)));
    return names;
  }
}
