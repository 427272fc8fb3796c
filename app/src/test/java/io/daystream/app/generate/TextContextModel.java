package io.daystream.app.generate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.spark.PredictionMetrics;
import io.daystream.features.text.TextColumns;
import io.daystream.features.text.TextFeaturizer;
import java.time.LocalDate;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A model that knows no history: the tweet's words (through the product's text model) and the
 * impression's context, straight from bronze, as the daily job trained before it had history
 * features. It sees what the generator's drift moves (a topic's words, whose trend changes), so it
 * shows the drift without depending on the feature tables, which track drift on their own.
 */
final class TextContextModel {

  private static final String CONTEXT_SQL = "SELECT *,"
      + " log1p(CAST(coalesce(author_follower_count, 0) AS DOUBLE)) AS f_author_followers,"
      + " log1p(CAST(coalesce(author_following_count, 0) AS DOUBLE)) AS f_author_following,"
      + " CAST(coalesce(author_is_verified, false) AS DOUBLE) AS f_author_verified,"
      + " log1p(CAST(coalesce(user_follower_count, 0) AS DOUBLE)) AS f_user_followers,"
      + " log1p(CAST(coalesce(user_following_count, 0) AS DOUBLE)) AS f_user_following,"
      + " CAST(coalesce(user_is_verified, false) AS DOUBLE) AS f_user_verified,"
      + " CAST(coalesce(user_follows_author, false) AS DOUBLE) AS f_follows,"
      + " log1p(greatest(coalesce((unix_timestamp(impression_at) - unix_timestamp(created_at)) / 3600.0, 0), 0))"
      + " AS f_tweet_age"
      + " FROM __THIS__";
  private static final String[] INPUTS = {"text_tfidf", "f_author_followers", "f_author_following",
    "f_author_verified", "f_user_followers", "f_user_following", "f_user_verified", "f_follows", "f_tweet_age"};

  private final SparkSession spark;
  private final Lake lake;
  private final String head;
  private final TextFeaturizer text;

  TextContextModel(SparkSession spark, Lake lake, FeatureSettings settings, String head) {
    this.spark = spark;
    this.lake = lake;
    this.head = head;
    this.text = TextFeaturizer.loadOrFit(spark, lake, settings);
  }

  /** Each impression of [first, last] with its tweet's text, context and the head's 0/1 label. */
  Dataset<Row> examples(LocalDate first, LocalDate last) {
    Dataset<Row> engagements = spark.read().format("delta").load(lake.path(LakeTable.ENGAGEMENTS))
        .where(col("event_date").between(lit(first.toString()).cast("date"), lit(last.toString()).cast("date")));
    Dataset<Row> tweets = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
        .select(col("tweet_id").as("t_id"), col("text"), col("created_at"));
    Dataset<Row> examples = engagements.join(tweets, engagements.col("tweet_id").equalTo(tweets.col("t_id")), "left")
        .withColumn("label", col(head + "_at").isNotNull().cast("double"));
    return text.featurize(examples, col("text"));
  }

  PipelineModel fit(Dataset<Row> examples) {
    org.apache.spark.ml.PipelineStage[] stages = {
      // Weighted by the training days' IDF: rare topic words count more than filler.
      new IDF().setInputCol(TextColumns.TERM_FREQUENCIES).setOutputCol("text_tfidf").setMinDocFreq(2),
      new SQLTransformer().setStatement(CONTEXT_SQL),
      new VectorAssembler().setInputCols(INPUTS).setOutputCol("features"),
      new LogisticRegression().setRegParam(0.03).setStandardization(false).setMaxIter(60)
    };
    return new Pipeline().setStages(stages).fit(examples);
  }

  BinaryMetrics judge(PipelineModel model, Dataset<Row> examples) {
    return PredictionMetrics.of(model.transform(examples),
        functions.vector_to_array(col("probability"), "float64").getItem(1), col("label"));
  }
}
