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

import io.daystream.features.engagement.EngagementColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The history features of impressions, from one state of {@code silver/engagement_aggregates}:
 * the definitions shared by the daily examples (state of D − 1 for the impressions of D) and the
 * scorer (the latest state for the candidates of the next day). Per head h, with prior(h) the
 * rate of h over every impression of the state (0 when it is empty) and w the configured
 * {@code features.engagement.target-encoding-weight}:
 *
 * <ul>
 *   <li>{@code te_<key>_<h>} = (positives + w · prior) / (impressions + w) of the engaging user,
 *       the author, the user × author pair and the user × the tweet's topic: a key the state has
 *       never seen gets the prior exactly;
 *   <li>{@code prev_day_rate_<topic|author>_<h>}: the same smoothing over the state's last day
 *       alone (the topic's trend and the author's form drift day to day);
 *   <li>count encodings: impressions of the user, the author, the tweet, the pair;
 *   <li>recency: hours since the user's latest impression and latest engaged impression, null
 *       when there is none;
 *   <li>the tweet's age at the impression, from its creation time.
 * </ul>
 */
public final class HistoryFeatures {

  private static final List<HistoryKey> JOINED = List.of(HistoryKey.USER, HistoryKey.AUTHOR, HistoryKey.TWEET,
      HistoryKey.USER_AUTHOR, HistoryKey.USER_TOPIC, HistoryKey.TOPIC);
  private static final double SECONDS_PER_HOUR = 3600.0;

  private final double weight;

  /** @param weight w of the smoothing, in impressions */
  public HistoryFeatures(double weight) {
    this.weight = weight;
  }

  /**
   * {@code impressions} with the history feature columns added, every column of theirs kept.
   *
   * @param impressions ids, {@code impression_at}, {@code tweet_created_at} and {@code topic}
   * @param state one day's rows of the aggregates, as of the end of that day
   */
  public Dataset<Row> attach(Dataset<Row> impressions, Dataset<Row> state) {
    List<String> kept = Arrays.asList(impressions.columns());
    Dataset<Row> joined = impressions.crossJoin(priorsOf(state));
    for (HistoryKey key : JOINED) {
      joined = joinHistory(joined, state, key);
    }
    List<Column> columns = new ArrayList<>();
    kept.forEach(name -> columns.add(col(name)));
    columns.addAll(featureColumns());
    return joined.select(columns.toArray(Column[]::new));
  }

  /** One row: prior_h per head, the rate of h in the state, 0 when it is empty. */
  private static Dataset<Row> priorsOf(Dataset<Row> state) {
    Dataset<Row> all = state.where(col(KEY_KIND).equalTo(HistoryKey.ALL.kind()));
    List<Column> priors = new ArrayList<>();
    for (String head : HEADS) {
      Column rate = when(sum(IMPRESSIONS).gt(0), sum(positives(head)).divide(sum(IMPRESSIONS)));
      priors.add(coalesce(rate, lit(0.0)).as(HistoryColumns.prior(head)));
    }
    return all.agg(priors.get(0), priors.subList(1, priors.size()).toArray(Column[]::new));
  }

  /** Left-joins one kind's state, its columns prefixed {@code <kind>__}. */
  private static Dataset<Row> joinHistory(Dataset<Row> examples, Dataset<Row> state, HistoryKey key) {
    String prefix = prefixOf(key);
    List<Column> columns = new ArrayList<>();
    for (String name : EngagementAggregates.stateColumns()) {
      if (!name.equals(KEY_KIND)) {
        columns.add(col(name).as(prefix + name));
      }
    }
    Dataset<Row> ofKind = state.where(col(KEY_KIND).equalTo(key.kind())).select(columns.toArray(Column[]::new));
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
    return when(impressions.equalTo(0L), prior)
        .otherwise(positives.plus(prior.multiply(weight)).divide(impressions.plus(weight)));
  }

  private static Column hoursBetween(Column from, Column to) {
    return to.cast("double").minus(from.cast("double")).divide(SECONDS_PER_HOUR);
  }

  private List<Column> featureColumns() {
    List<Column> columns = new ArrayList<>();
    for (String head : HEADS) {
      for (HistoryKey key : EngagementExampleSet.ENCODED) {
        columns.add(smoothed(historyCount(key, positives(head)), historyCount(key, IMPRESSIONS), head)
            .as(HistoryColumns.targetEncoding(key, head)));
      }
      for (HistoryKey key : EngagementExampleSet.PREVIOUS_DAY) {
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
    return columns;
  }
}
