package io.daystream.features.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.topic.TopicModel;
import org.apache.spark.sql.Column;

/**
 * The kinds of key the engagement history is kept for, and how an impression's key of each kind
 * is formed from its ids. Pair keys join their ids with U+001F, a control character that ingestion
 * never lets into an id, so two pairs cannot collide.
 */
public enum HistoryKey {
  /** Everything: the prior of the target encodings. */
  ALL("all"),
  USER("user"),
  AUTHOR("author"),
  TWEET("tweet"),
  USER_AUTHOR("user_author"),
  USER_TOPIC("user_topic"),
  TOPIC("topic");

  static final String SEPARATOR = "\u001f";

  private final String kind;

  HistoryKey(String kind) {
    this.kind = kind;
  }

  /** The value of the aggregates' {@code key_kind} column. */
  public String kind() {
    return kind;
  }

  /**
   * The key of an impression (a frame with the engagement id columns and {@link TopicModel#TOPIC});
   * null when the impression has none of this kind (its tweet's topic is unknown).
   */
  public Column of() {
    Column user = col(EngagementColumns.USER_ID);
    Column author = col(EngagementColumns.AUTHOR_ID);
    Column topic = col(TopicModel.TOPIC).cast("string");
    return switch (this) {
      case ALL -> lit("*");
      case USER -> user;
      case AUTHOR -> author;
      case TWEET -> col(EngagementColumns.TWEET_ID);
      case USER_AUTHOR -> concat_ws(SEPARATOR, user, author);
      // concat_ws skips nulls: a pair with an unknown topic must have no key at all.
      case USER_TOPIC -> org.apache.spark.sql.functions.when(topic.isNotNull(), concat_ws(SEPARATOR, user, topic));
      case TOPIC -> topic;
    };
  }
}
