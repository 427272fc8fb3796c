package io.daystream.features.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.text.TextColumns;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * TEST STAND-IN, not the text developer's feature set: fills {@code silver/tweet_text} from bronze
 * tweets with plain Spark ML (regex tokens, stop words removed, hashed term frequencies) and a null
 * sentiment, so the engagement task can run on a generated lake before the real table exists.
 */
final class TweetTextStandIn {

  private TweetTextStandIn() {}

  /** Writes the text of every bronze tweet, unless {@code silver/tweet_text} already exists. */
  static void writeIfMissing(SparkSession spark, Lake lake, int hashFeatures) {
    if (new java.io.File(lake.path(LakeTable.TWEET_TEXT), "_delta_log").exists()) {
      return;
    }
    Dataset<Row> tweets = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
        .select(col("tweet_id"), col("text"), col("event_date"));
    Dataset<Row> tokens = new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+")
        .setMinTokenLength(2).transform(tweets);
    Dataset<Row> terms = new StopWordsRemover().setInputCol("tokens").setOutputCol(TextColumns.TERMS).transform(tokens);
    new HashingTF().setInputCol(TextColumns.TERMS).setOutputCol(TextColumns.TERM_FREQUENCIES)
        .setNumFeatures(hashFeatures).transform(terms)
        .select(col("tweet_id"), col(TextColumns.TERMS), col(TextColumns.TERM_FREQUENCIES),
            lit(null).cast("double").as(TextColumns.SENTIMENT), col(TextColumns.EVENT_DATE))
        .write().format("delta").mode("overwrite").partitionBy(TextColumns.EVENT_DATE)
        .save(lake.path(LakeTable.TWEET_TEXT));
  }
}
