package io.daystream.ingestion.stream;

import io.daystream.core.config.KafkaSettings.TopicNames;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.types.StructType;

/** A stream Daystream ingests: its topic, message schema, natural key and bronze table. */
public enum IngestedStream {
  TWEETS(
      "tweets",
      TopicNames::tweets,
      LakeTable.TWEETS,
      CanonicalSchemas.TWEET_MESSAGE,
      List.of("tweet_id"),
      "created_at",
      Optional.of("text"),
      List.of("text"),
      List.of("like_count", "reply_count", "retweet_count", "quote_count")),
  ENGAGEMENTS(
      "engagements",
      TopicNames::engagements,
      LakeTable.ENGAGEMENTS,
      CanonicalSchemas.ENGAGEMENT_MESSAGE,
      List.of("engaging_user_id", "tweet_id"),
      "impression_at",
      Optional.empty(),
      List.of(),
      List.of("author_follower_count", "author_following_count", "user_follower_count", "user_following_count")),
  NEWS(
      "news",
      TopicNames::news,
      LakeTable.NEWS,
      CanonicalSchemas.NEWS_MESSAGE,
      List.of("post_id"),
      "created_at",
      // Bodies (Reddit self-posts) carry the HTML; titles are plain.
      Optional.of("body"),
      List.of("title", "body"),
      // A Reddit score is upvotes minus downvotes: negative for downvoted posts, not a count.
      List.of("comment_count")),
  PRICES(
      "prices",
      TopicNames::prices,
      LakeTable.PRICES,
      CanonicalSchemas.PRICE_BAR_MESSAGE,
      List.of("symbol", "trading_date"),
      "trading_date",
      Optional.empty(),
      List.of(),
      List.of("volume"));

  private final String streamName;
  private final Function<TopicNames, String> topicOf;
  private final LakeTable table;
  private final StructType messageSchema;
  private final List<String> keyColumns;
  private final String eventTimeColumn;
  private final Optional<String> textColumn;
  private final List<String> freeTextColumns;
  private final List<String> countColumns;

  IngestedStream(
      String streamName,
      Function<TopicNames, String> topicOf,
      LakeTable table,
      StructType messageSchema,
      List<String> keyColumns,
      String eventTimeColumn,
      Optional<String> textColumn,
      List<String> freeTextColumns,
      List<String> countColumns) {
    this.streamName = streamName;
    this.topicOf = topicOf;
    this.table = table;
    this.messageSchema = messageSchema;
    this.keyColumns = keyColumns;
    this.eventTimeColumn = eventTimeColumn;
    this.textColumn = textColumn;
    this.freeTextColumns = freeTextColumns;
    this.countColumns = countColumns;
  }

  /** The name used on the command line, in query names and in the quarantine. */
  public String streamName() {
    return streamName;
  }

  public String topic(TopicNames topics) {
    return topicOf.apply(topics);
  }

  public LakeTable table() {
    return table;
  }

  public StructType messageSchema() {
    return messageSchema;
  }

  /** Columns that identify one record: a second message with the same key is a duplicate. */
  public List<String> keyColumns() {
    return keyColumns;
  }

  /** The timestamp whose UTC day is the record's {@code event_date}. */
  public String eventTimeColumn() {
    return eventTimeColumn;
  }

  /** The free-text column that is cleaned of HTML and length-checked, if the stream has one. */
  public Optional<String> textColumn() {
    return textColumn;
  }

  /**
   * Columns of prose a person wrote, which may hold any character and are bounded by the
   * configured text length; every other string is an id or code (no control characters).
   */
  public List<String> freeTextColumns() {
    return freeTextColumns;
  }

  /** True counts, which can never be negative. */
  public List<String> countColumns() {
    return countColumns;
  }

  public static IngestedStream byName(String name) {
    for (IngestedStream stream : values()) {
      if (stream.streamName.equals(name)) {
        return stream;
      }
    }
    throw new IllegalArgumentException("unknown stream '" + name + "', expected one of "
        + java.util.Arrays.stream(values()).map(IngestedStream::streamName).toList());
  }
}
