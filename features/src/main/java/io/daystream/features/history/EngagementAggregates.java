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
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.config.EngagementHistorySettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.job.FeatureDays;
import io.daystream.features.lineage.InputRead;
import io.daystream.features.text.TextColumns;
import io.daystream.features.topic.TopicModel;
import io.daystream.features.topic.TopicModels;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code silver/engagement_aggregates}: for each day d, the engagement history of every key
 * (see {@link HistoryKey}) as of the end of d: impressions and positives per head on all days up
 * to d and on d alone, latest impression and latest engaged impression. An impression's outcomes
 * count on its impression day.
 *
 * <p>Kept incrementally: state(d) = state(d − 1) + the bronze engagements of day d, so a day
 * reads one partition of this table, one day of engagements and a few days of tweet text, however
 * long the history behind it. Only when no state of the current version exists before d (the
 * first run, a new topic model) is it folded from the latest earlier state of this version, or
 * from every engagement before d, once. A day's lineage holds the state it grew from, so a
 * recomputed day d − 1 makes day d recompute when the task runs over it; a late record on day x
 * reaches the states after x when the task is run from x on.
 *
 * <p>The state grows with the keys ever seen (tweets included); a day's cost grows with that, not
 * with the number of days.
 */
public final class EngagementAggregates implements DailyFeatureSet {

  public static final String NAME = "engagement-aggregates";
  /** Bumped when a definition changes. */
  private static final int DEFINITION = 1;
  /** The start of the lake's time: no record is older (ingestion refuses times before 1900). */
  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  private final SparkSession spark;
  private final Lake lake;
  private final EngagementHistorySettings settings;
  private final TopicModels topicModels;
  private final FeatureDays manifest;
  private final TweetTopics tweetTopics;
  private TopicModel topics;

  public EngagementAggregates(SparkSession spark, Lake lake, EngagementHistorySettings settings,
      TopicModels topicModels) {
    this.spark = spark;
    this.lake = lake;
    this.settings = settings;
    this.topicModels = topicModels;
    this.manifest = new FeatureDays(spark, lake.path(LakeTable.FEATURE_DAYS));
    this.tweetTopics = new TweetTopics(spark, lake);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String featureSetVersion() {
    return NAME + "/" + DEFINITION + "/lookback=" + settings.tweetLookbackDays() + "/topics=" + topics().id();
  }

  @Override
  public LakeTable output() {
    return LakeTable.ENGAGEMENT_AGGREGATES;
  }

  @Override
  public String dayColumn() {
    return EngagementColumns.EVENT_DATE;
  }

  /** The topic model the keys by topic use; fitted on first use (see {@link TopicModels}). */
  public TopicModel topics() {
    if (topics == null) {
      topics = topicModels.current();
    }
    return topics;
  }

  @Override
  public List<InputRead> inputsOf(LocalDate day) {
    Optional<LocalDate> base = baseOf(day);
    DayRange events = eventsOf(day, base);
    List<InputRead> reads = new ArrayList<>();
    reads.add(new InputRead(LakeTable.ENGAGEMENTS, EngagementColumns.EVENT_DATE, events));
    reads.add(new InputRead(LakeTable.TWEET_TEXT, TextColumns.EVENT_DATE, textOf(events)));
    base.ifPresent(b -> reads.add(new InputRead(LakeTable.ENGAGEMENT_AGGREGATES, EngagementColumns.EVENT_DATE,
        DayRange.of(b))));
    return reads;
  }

  @Override
  public Dataset<Row> compute(LocalDate day) {
    Optional<LocalDate> base = baseOf(day);
    DayRange events = eventsOf(day, base);
    Dataset<Row> added = aggregate(impressionsOf(events), day);
    Dataset<Row> state = base.isPresent() ? merge(stateOf(base.get()), added) : added;
    return state.withColumn(EngagementColumns.EVENT_DATE, lit(Date.valueOf(day)));
  }

  /** The state of {@code day} as written, its lineage columns left out. */
  Dataset<Row> stateOf(LocalDate day) {
    List<Column> columns = new ArrayList<>();
    for (String name : stateColumns()) {
      columns.add(col(name));
    }
    return spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENT_AGGREGATES))
        .where(col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(day)))
        .select(columns.toArray(Column[]::new));
  }

  private Optional<LocalDate> baseOf(LocalDate day) {
    return manifest.latestDayBefore(NAME, featureSetVersion(), day);
  }

  private static DayRange eventsOf(LocalDate day, Optional<LocalDate> base) {
    return new DayRange(base.map(b -> b.plusDays(1)).orElse(EARLIEST), day);
  }

  private DayRange textOf(DayRange events) {
    LocalDate first = events.first().equals(EARLIEST) ? EARLIEST
        : events.first().minusDays(settings.tweetLookbackDays());
    return new DayRange(first, events.last());
  }

  /** Impressions of {@code days}: ids, time, day, a 0/1 column per head and the tweet's topic. */
  private Dataset<Row> impressionsOf(DayRange days) {
    List<Column> columns = new ArrayList<>(List.of(
        col(EngagementColumns.USER_ID), col(EngagementColumns.TWEET_ID), col(EngagementColumns.AUTHOR_ID),
        col(EngagementColumns.IMPRESSION_AT), col(EngagementColumns.EVENT_DATE)));
    for (String head : HEADS) {
      columns.add(col(head + "_at").isNotNull().cast("long").as(head));
    }
    Dataset<Row> impressions = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
        .where(col(EngagementColumns.EVENT_DATE).between(Date.valueOf(days.first()), Date.valueOf(days.last())))
        .select(columns.toArray(Column[]::new));
    Dataset<Row> topicOfTweet = tweetTopics.of(textOf(days), topics())
        .select(col(EngagementColumns.TWEET_ID).as("topic_tweet_id"), col(TopicModel.TOPIC));
    return impressions.join(topicOfTweet,
        impressions.col(EngagementColumns.TWEET_ID).equalTo(topicOfTweet.col("topic_tweet_id")), "left")
        .drop("topic_tweet_id");
  }

  /** The impressions' history per key, day-only counts for {@code day}. */
  private Dataset<Row> aggregate(Dataset<Row> impressions, LocalDate day) {
    Column engaged = lit(false);
    for (String head : HEADS) {
      engaged = engaged.or(col(head).equalTo(1));
    }
    Column onDay = col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(day));
    Dataset<Row> keyed = null;
    for (HistoryKey key : HistoryKey.values()) {
      Dataset<Row> ofKind = impressions
          .withColumn(KEY, key.of())
          .where(col(KEY).isNotNull())
          .withColumn(KEY_KIND, lit(key.kind()));
      keyed = keyed == null ? ofKind : keyed.unionByName(ofKind);
    }
    List<Column> sums = new ArrayList<>();
    sums.add(sum(when(onDay, 1L).otherwise(0L)).as(DAY_IMPRESSIONS));
    for (String head : HEADS) {
      sums.add(sum(col(head)).as(positives(head)));
      sums.add(sum(when(onDay, col(head)).otherwise(0L)).as(dayPositives(head)));
    }
    sums.add(max(col(EngagementColumns.IMPRESSION_AT)).as(LAST_IMPRESSION_AT));
    sums.add(max(when(engaged, col(EngagementColumns.IMPRESSION_AT))).as(LAST_ENGAGEMENT_AT));
    return keyed.groupBy(KEY_KIND, KEY)
        .agg(count(lit(1)).as(IMPRESSIONS), sums.toArray(Column[]::new))
        .select(stateColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** state(base) + what was added since: sums add up, day-only counts are the added ones. */
  private static Dataset<Row> merge(Dataset<Row> state, Dataset<Row> added) {
    Dataset<Row> s = state.as("s");
    Dataset<Row> a = added.as("a");
    List<Column> columns = new ArrayList<>();
    columns.add(coalesce(col("a." + KEY_KIND), col("s." + KEY_KIND)).as(KEY_KIND));
    columns.add(coalesce(col("a." + KEY), col("s." + KEY)).as(KEY));
    columns.add(sumOf(IMPRESSIONS));
    columns.add(coalesce(col("a." + DAY_IMPRESSIONS), lit(0L)).as(DAY_IMPRESSIONS));
    for (String head : HEADS) {
      columns.add(sumOf(positives(head)));
      columns.add(coalesce(col("a." + dayPositives(head)), lit(0L)).as(dayPositives(head)));
    }
    // greatest() skips nulls: a key without engagements keeps a null time.
    columns.add(greatest(col("s." + LAST_IMPRESSION_AT), col("a." + LAST_IMPRESSION_AT)).as(LAST_IMPRESSION_AT));
    columns.add(greatest(col("s." + LAST_ENGAGEMENT_AT), col("a." + LAST_ENGAGEMENT_AT)).as(LAST_ENGAGEMENT_AT));
    return s.join(a, col("s." + KEY_KIND).equalTo(col("a." + KEY_KIND)).and(col("s." + KEY).equalTo(col("a." + KEY))),
            "full_outer")
        .select(columns.toArray(Column[]::new))
        .select(stateColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  private static Column sumOf(String name) {
    return coalesce(col("s." + name), lit(0L)).plus(coalesce(col("a." + name), lit(0L))).as(name);
  }

  /** The state's columns, in table order. */
  static List<String> stateColumns() {
    List<String> names = new ArrayList<>(List.of(KEY_KIND, KEY, IMPRESSIONS, DAY_IMPRESSIONS));
    for (String head : HEADS) {
      names.add(positives(head));
      names.add(dayPositives(head));
    }
    names.add(LAST_IMPRESSION_AT);
    names.add(LAST_ENGAGEMENT_AT);
    return names;
  }
}
