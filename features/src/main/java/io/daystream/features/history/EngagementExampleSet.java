package io.daystream.features.history;

import static io.daystream.features.history.HistoryColumns.HEADS;
import static org.apache.spark.sql.functions.col;

import io.daystream.core.config.EngagementHistorySettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.day.PointInTime;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.lineage.InputRead;
import io.daystream.features.text.TextColumns;
import io.daystream.features.text.TextFeaturizer;
import io.daystream.features.topic.TopicModel;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gold/engagement_examples}: one row per impression of day D (bronze engagements), with
 * its ids and time, the impression context, the tweet's hashed words, sentiment and topic, the
 * history features, and, as labels only, the outcome of each head (and on synthetic data the
 * probability it was drawn from).
 *
 * <p>History features follow {@link PointInTime}: they read {@code silver/engagement_aggregates}
 * of D − 1 alone, the history as of the end of the day before; {@link HistoryFeatures} defines
 * them, for the scorer as well.
 */
public final class EngagementExampleSet implements DailyFeatureSet {

  public static final String NAME = "engagement-examples";
  /** Keys with a smoothed target encoding over all of their history. */
  static final List<HistoryKey> ENCODED = List.of(HistoryKey.USER, HistoryKey.AUTHOR, HistoryKey.USER_AUTHOR,
      HistoryKey.USER_TOPIC);
  /** Keys with a smoothed rate of the previous day. */
  static final List<HistoryKey> PREVIOUS_DAY = List.of(HistoryKey.TOPIC, HistoryKey.AUTHOR);
  /** 2: a tweet without known text has a zero term vector, not null. */
  private static final int DEFINITION = 2;

  private final SparkSession spark;
  private final Lake lake;
  private final EngagementHistorySettings settings;
  private final EngagementAggregates aggregates;
  private final TweetTopics tweetTopics;
  private final HistoryFeatures historyFeatures;
  private final int textHashFeatures;

  /** @param textHashFeatures the size of the term vectors, to give unknown tweets zeros of that size */
  public EngagementExampleSet(SparkSession spark, Lake lake, EngagementHistorySettings settings,
      EngagementAggregates aggregates, int textHashFeatures) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
    this.aggregates = aggregates;
    this.textHashFeatures = textHashFeatures;
    this.historyFeatures = new HistoryFeatures(settings.targetEncodingWeight());
    this.tweetTopics = new TweetTopics(spark, lake);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String featureSetVersion() {
    return NAME + "/" + DEFINITION + "/hash=" + textHashFeatures + "/w=" + settings.targetEncodingWeight()
        + "/lookback=" + settings.tweetLookbackDays() + "/" + aggregates.featureSetVersion();
  }

  @Override
  public LakeTable output() {
    return LakeTable.ENGAGEMENT_EXAMPLES;
  }

  @Override
  public String dayColumn() {
    return EngagementColumns.EVENT_DATE;
  }

  @Override
  public List<InputRead> inputsOf(LocalDate day) {
    DayRange tweetDays = tweetDaysOf(day);
    return List.of(
        new InputRead(LakeTable.ENGAGEMENTS, EngagementColumns.EVENT_DATE, DayRange.of(day)),
        new InputRead(LakeTable.TWEETS, EngagementColumns.EVENT_DATE, tweetDays),
        new InputRead(LakeTable.TWEET_TEXT, TextColumns.EVENT_DATE, tweetDays),
        new InputRead(LakeTable.ENGAGEMENT_AGGREGATES, EngagementColumns.EVENT_DATE, PointInTime.historyOf(day, 1)));
  }

  @Override
  public Dataset<Row> compute(LocalDate day) {
    Dataset<Row> examples = withTweets(impressionsOf(day), tweetDaysOf(day));
    Dataset<Row> history = aggregates.stateOf(PointInTime.historyOf(day, 1).first());
    return historyFeatures.attach(examples, history).select(outputColumns().toArray(Column[]::new));
  }

  private DayRange tweetDaysOf(LocalDate day) {
    return new DayRange(day.minusDays(settings.tweetLookbackDays()), day);
  }

  /** Day D's impressions: what the row knows at its own time, and its labels. */
  private Dataset<Row> impressionsOf(LocalDate day) {
    return spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
        .where(col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(day)));
  }

  /** Adds the tweet's creation time, hashed words, sentiment and topic; unknown tweets keep nulls. */
  private Dataset<Row> withTweets(Dataset<Row> impressions, DayRange tweetDays) {
    Dataset<Row> created = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
        .where(col(EngagementColumns.EVENT_DATE).between(Date.valueOf(tweetDays.first()), Date.valueOf(tweetDays.last())))
        .select(col(EngagementColumns.TWEET_ID).as("created_tweet_id"),
            col("created_at").as(EngagementColumns.TWEET_CREATED_AT));
    Dataset<Row> texts = tweetTopics.of(tweetDays, aggregates.topics())
        .withColumnRenamed(EngagementColumns.TWEET_ID, "text_tweet_id");
    Dataset<Row> joined = impressions.join(created,
        impressions.col(EngagementColumns.TWEET_ID).equalTo(created.col("created_tweet_id")), "left");
    return joined.join(texts, joined.col(EngagementColumns.TWEET_ID).equalTo(texts.col("text_tweet_id")), "left");
  }

  private List<Column> outputColumns() {
    List<Column> columns = new ArrayList<>();
    for (String id : List.of(EngagementColumns.EVENT_DATE, EngagementColumns.USER_ID, EngagementColumns.TWEET_ID,
        EngagementColumns.AUTHOR_ID, EngagementColumns.IMPRESSION_AT, EngagementColumns.TWEET_CREATED_AT)) {
      columns.add(col(id));
    }
    for (String context : EngagementColumns.CONTEXT_INPUTS) {
      columns.add(col(context));
    }
    columns.add(TextFeaturizer.zerosWhenNull(col(TextColumns.TERM_FREQUENCIES), textHashFeatures)
        .as(TextColumns.TERM_FREQUENCIES));
    columns.add(col(TextColumns.SENTIMENT));
    columns.add(col(TopicModel.TOPIC));
    for (String feature : HistoryColumns.features()) {
      columns.add(col(feature));
    }
    for (String head : HEADS) {
      columns.add(col(head + "_at").isNotNull().cast("double").as(EngagementColumns.labelOf(head)));
      columns.add(col(EngagementColumns.trueProbabilityOf(head)));
    }
    return columns;
  }
}
