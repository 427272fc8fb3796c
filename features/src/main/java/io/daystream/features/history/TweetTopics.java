package io.daystream.features.history;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.text.TextColumns;
import io.daystream.features.topic.TopicModel;
import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The featurized text of the tweets created on a range of days, each with its topic. */
final class TweetTopics {

  private final SparkSession spark;
  private final Lake lake;

  TweetTopics(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** tweet_id, text_tf, sentiment and topic of each tweet of {@code silver/tweet_text} created in {@code days}. */
  Dataset<Row> of(DayRange days, TopicModel topics) {
    Dataset<Row> texts = spark.read().format("delta").load(lake.path(LakeTable.TWEET_TEXT))
        .where(col(TextColumns.EVENT_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last())))
        .where(col(TextColumns.TERM_FREQUENCIES).isNotNull())
        .select(EngagementColumns.TWEET_ID, TextColumns.TERM_FREQUENCIES, TextColumns.SENTIMENT);
    return topics.assign(texts);
  }
}
