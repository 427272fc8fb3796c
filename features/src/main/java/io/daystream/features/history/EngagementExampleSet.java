package io.daystream.features.history;

import static io.daystream.features.history.HistoryColumns.DAY_IMPRESSIONS;
import static io.daystream.features.history.HistoryColumns.HEADS;
import static io.daystream.features.history.HistoryColumns.IMPRESSIONS;
import static io.daystream.features.history.HistoryColumns.KEY;
import static io.daystream.features.history.HistoryColumns.KEY_KIND;
import static io.daystream.features.history.HistoryColumns.LAST_ENGAGEMENT_AT;
import static io.daystream.features.history.HistoryColumns.LAST_IMPRESSION_AT;
import static io.daystream.features.history.HistoryColumns.dayPositives;
import static io.daystream.features.history.HistoryColumns.positives;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.config.EngagementHistorySettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.day.PointInTime;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.lineage.InputRead;
import io.daystream.features.text.TextColumns;
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
 * of D − 1 alone, the history as of the end of the day before. Per head h, with prior(h) the rate
 * of h over every impression before D (0 before any history) and w the configured
 * {@code features.engagement.target-encoding-weight}:
 *
 * <ul>
 *   <li>{@code te_<key>_<h>} = (positives + w · prior) / (impressions + w) of the engaging user,
 *       the author, the user × author pair and the user × the tweet's topic: a key never seen
 *       before D gets the prior exactly;
 *   <li>{@code prev_day_rate_<topic|author>_<h>}: the same smoothing over day D − 1 alone (the
 *       topic's trend and the author's form drift day to day);
 *   <li>count encodings: impressions before D of the user, the author, the tweet, the pair;
 *   <li>recency: hours since the user's latest impression and latest engaged impression before D,
 *       null when there is none;
 *   <li>the tweet's age at the impression, from its creation time.
 * </ul>
 */
public final class EngagementExampleSet implements DailyFeatureSet {

  public static final String NAME = "engagement-examples";
  /** Keys with a smoothed target encoding over all of their history. */
  static final List<HistoryKey> ENCODED = List.of(HistoryKey.USER, HistoryKey.AUTHOR, HistoryKey.USER_AUTHOR,
      HistoryKey.USER_TOPIC);
  /** Keys with a smoothed rate of the previous day. */
  static final List<HistoryKey> PREVIOUS_DAY = List.of(HistoryKey.TOPIC, HistoryKey.AUTHOR);
  private static final List<HistoryKey> JOINED = List.of(HistoryKey.USER, HistoryKey.AUTHOR, HistoryKey.TWEET,
      HistoryKey.USER_AUTHOR, HistoryKey.USER_TOPIC, HistoryKey.TOPIC);
  private static final int DEFINITION = 1;
  private static final double SECONDS_PER_HOUR = 3600.0;

  private final SparkSession spark;
  private final Lake lake;
  private final EngagementHistorySettings settings;
  private final EngagementAggregates aggregates;
  private final TweetTopics tweetTopics;

  public EngagementExampleSet(SparkSession spark, Lake lake, EngagementHistorySettings settings,
      EngagementAggregates aggregates) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
    this.aggregates = aggregates;
    this.tweetTopics = new TweetTopics(spark, lake);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String featureSetVersion() {
    return NAME + "/" + DEFINITION + "/w=" + settings.targetEncodingWeight() + "/lookback="
        + settings.tweetLookbackDays() + "/" + aggregates.featureSetVersion();
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
    examples = examples.crossJoin(priorsOf(history));
    for (HistoryKey key : JOINED) {
      examples = joinHistory(examples, history, key);
    }
    return examples.select(outputColumns().toArray(Column[]::new));
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

  /** One row: prior_h per head, the rate of h before D, 0 when there is no history. */
  private static Dataset<Row> priorsOf(Dataset<Row> history) {
    Dataset<Row> all = history.where(col(KEY_KIND).equalTo(HistoryKey.ALL.kind()));
    List<Column> priors = new ArrayList<>();
    for (String head : HEADS) {
      Column rate = when(sum(IMPRESSIONS).gt(0), sum(positives(head)).divide(sum(IMPRESSIONS)));
      priors.add(coalesce(rate, lit(0.0)).as(HistoryColumns.prior(head)));
    }
    return all.agg(priors.get(0), priors.subList(1, priors.size()).toArray(Column[]::new));
  }

  /** Left-joins one kind's history, its columns prefixed {@code <kind>__}. */
  private static Dataset<Row> joinHistory(Dataset<Row> examples, Dataset<Row> history, HistoryKey key) {
    String prefix = prefixOf(key);
    List<Column> columns = new ArrayList<>();
    for (String name : EngagementAggregates.stateColumns()) {
      if (!name.equals(KEY_KIND)) {
        columns.add(col(name).as(prefix + name));
      }
    }
    Dataset<Row> ofKind = history.where(col(KEY_KIND).equalTo(key.kind())).select(columns.toArray(Column[]::new));
    return examples.join(ofKind, key.of().equalTo(ofKind.col(prefix + KEY)), "left");
  }

  private static String prefixOf(HistoryKey key) {
    return key.kind() + "__";
  }

  private static Column historyCount(HistoryKey key, String name) {
    return coalesce(col(prefixOf(key) + name), lit(0L));
  }

  /** (positives + w · prior) / (impressions + w); the prior itself when there are no impressions. */
  private Column smoothed(Column positives, Column impressions, String head) {
    Column prior = col(HistoryColumns.prior(head));
    double w = settings.targetEncodingWeight();
    return when(impressions.equalTo(0L), prior)
        .otherwise(positives.plus(prior.multiply(w)).divide(impressions.plus(w)));
  }

  private static Column hoursBetween(Column from, Column to) {
    return to.cast("double").minus(from.cast("double")).divide(SECONDS_PER_HOUR);
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
    columns.add(col(TextColumns.TERM_FREQUENCIES));
    columns.add(col(TextColumns.SENTIMENT));
    columns.add(col(TopicModel.TOPIC));
    for (String head : HEADS) {
      for (HistoryKey key : ENCODED) {
        columns.add(smoothed(historyCount(key, positives(head)), historyCount(key, IMPRESSIONS), head)
            .as(HistoryColumns.targetEncoding(key, head)));
      }
      for (HistoryKey key : PREVIOUS_DAY) {
        columns.add(smoothed(historyCount(key, dayPositives(head)), historyCount(key, DAY_IMPRESSIONS), head)
            .as(HistoryColumns.previousDayRate(key, head)));
      }
      columns.add(col(HistoryColumns.prior(head)));
    }
    columns.add(historyCount(HistoryKey.USER, IMPRESSIONS).as(HistoryColumns.USER_IMPRESSIONS));
    columns.add(historyCount(HistoryKey.AUTHOR, IMPRESSIONS).as(HistoryColumns.AUTHOR_IMPRESSIONS));
    columns.add(historyCount(HistoryKey.TWEET, IMPRESSIONS).as(HistoryColumns.TWEET_IMPRESSIONS));
    columns.add(historyCount(HistoryKey.USER_AUTHOR, IMPRESSIONS).as(HistoryColumns.USER_AUTHOR_IMPRESSIONS));
    Column impressionAt = col(EngagementColumns.IMPRESSION_AT);
    columns.add(hoursBetween(col(prefixOf(HistoryKey.USER) + LAST_IMPRESSION_AT), impressionAt)
        .as(HistoryColumns.HOURS_SINCE_USER_IMPRESSION));
    columns.add(hoursBetween(col(prefixOf(HistoryKey.USER) + LAST_ENGAGEMENT_AT), impressionAt)
        .as(HistoryColumns.HOURS_SINCE_USER_ENGAGEMENT));
    columns.add(hoursBetween(col(EngagementColumns.TWEET_CREATED_AT), impressionAt).as(HistoryColumns.TWEET_AGE_HOURS));
    for (String head : HEADS) {
      columns.add(col(head + "_at").isNotNull().cast("double").as(EngagementColumns.labelOf(head)));
      columns.add(col(EngagementColumns.trueProbabilityOf(head)));
    }
    return columns;
  }
}
