package io.daystream.features.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.job.FeatureDays;
import io.daystream.features.text.TextColumns;
import io.daystream.features.text.TextFeaturizer;
import io.daystream.features.topic.TopicModel;
import io.daystream.features.topic.TopicModels;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Examples for impressions that have not happened yet, the scorer's candidates: the feature
 * columns of {@code gold/engagement_examples} (no labels), computed with the same definitions.
 * The text goes through the saved text model and the feature set's topic model; the history
 * features come from the latest materialized day L of {@code silver/engagement_aggregates}, as
 * the examples of day L + 1 read them (a later candidate sees history up to L only).
 */
public final class CandidateExamples {

  /** The candidate columns an example is made of, besides the text. */
  private static final List<String> EXAMPLE_INPUTS = exampleInputs();

  private final SparkSession spark;
  private final Lake lake;
  private final EngagementAggregates aggregates;
  private final HistoryFeatures historyFeatures;
  private final FeatureDays manifest;
  private final TextFeaturizer text;
  private final TopicModel topics;

  public CandidateExamples(SparkSession spark, Lake lake, FeatureSettings settings) {
    this.spark = spark;
    this.lake = lake;
    this.aggregates = new EngagementAggregates(spark, lake, settings.engagement(),
        new TopicModels(spark, lake, settings));
    this.historyFeatures = new HistoryFeatures(settings.engagement().targetEncodingWeight());
    this.manifest = new FeatureDays(spark, lake.path(LakeTable.FEATURE_DAYS));
    this.text = TextFeaturizer.loadOrFit(spark, lake, settings);
    this.topics = aggregates.topics();
  }

  /**
   * The latest day of history the candidates are scored with, read anew on every call: a day the
   * feature job adds is used from the next call on.
   *
   * @throws IllegalStateException when no day of aggregates of the current feature set exists
   */
  public LocalDate historyDay() {
    return manifest.latestDay(EngagementAggregates.NAME, aggregates.featureSetVersion())
        .orElseThrow(() -> new IllegalStateException("no engagement history in the lake for the current feature"
            + " set: run `daystream features --task engagement` for the days ingested so far"));
  }

  /**
   * @param candidates ids, {@code text}, {@code tweet_created_at}, {@code impression_at} and the
   *     impression context of {@link EngagementColumns#CONTEXT_INPUTS}; any other column is
   *     carried through (a request id, say)
   * @return the candidates' ids, times and context, the text features, topic and history
   *     features, and the carried columns
   */
  public Dataset<Row> of(Dataset<Row> candidates) {
    return of(candidates, historyDay());
  }

  /** {@link #of(Dataset)} with the history of {@code day}, a day {@link #historyDay()} returned. */
  public Dataset<Row> of(Dataset<Row> candidates, LocalDate day) {
    Dataset<Row> withText = topics.assign(text.featurize(candidates, col(EngagementColumns.TEXT)));
    List<Column> columns = new ArrayList<>();
    columns.add(lit(Date.valueOf(day.plusDays(1))).as(EngagementColumns.EVENT_DATE));
    for (String input : EXAMPLE_INPUTS) {
      columns.add(col(input));
    }
    columns.add(col(TextColumns.TERM_FREQUENCIES));
    columns.add(col(TextColumns.SENTIMENT));
    columns.add(col(TopicModel.TOPIC));
    List<String> named = new ArrayList<>(EXAMPLE_INPUTS);
    named.add(EngagementColumns.TEXT);
    for (String carried : candidates.columns()) {
      if (!named.contains(carried)) {
        columns.add(col(carried));
      }
    }
    Dataset<Row> impressions = withText.select(columns.toArray(Column[]::new));
    return historyFeatures.attach(impressions, aggregates.stateOf(day));
  }

  private static List<String> exampleInputs() {
    List<String> inputs = new ArrayList<>(List.of(EngagementColumns.USER_ID, EngagementColumns.TWEET_ID,
        EngagementColumns.AUTHOR_ID, EngagementColumns.IMPRESSION_AT, EngagementColumns.TWEET_CREATED_AT));
    inputs.addAll(EngagementColumns.CONTEXT_INPUTS);
    return List.copyOf(inputs);
  }
}
