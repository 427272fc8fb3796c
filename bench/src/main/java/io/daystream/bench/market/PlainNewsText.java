package io.daystream.bench.market;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.text.TextColumns;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A stand-in {@code silver/news_text} for the market measurement only, where the project's text
 * stage has not written one: headlines through a plain Spark ML RegexTokenizer, StopWordsRemover
 * and HashingTF; no sentiment model, so {@code sentiment} is null.
 */
final class PlainNewsText {

  private PlainNewsText() {}

  /** Writes it from every bronze news row; @return the rows written. */
  static long write(SparkSession spark, Lake lake, int hashFeatures) {
    Dataset<Row> news = spark.read().format("delta").load(lake.path(LakeTable.NEWS))
        .select(col("post_id"), col("source"), col("title"), col(TextColumns.EVENT_DATE))
        .na().fill("", new String[] {"title"});
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new RegexTokenizer().setInputCol("title").setOutputCol("_tokens").setPattern("[^\\p{L}\\p{N}']+")
            .setMinTokenLength(2),
        new StopWordsRemover().setInputCol("_tokens").setOutputCol(TextColumns.TERMS),
        new HashingTF().setInputCol(TextColumns.TERMS).setOutputCol(TextColumns.TERM_FREQUENCIES)
            .setNumFeatures(hashFeatures)});
    Dataset<Row> text = pipeline.fit(news).transform(news)
        .select(col("post_id"), col("source"), col(TextColumns.TERMS), col(TextColumns.TERM_FREQUENCIES),
            lit(null).cast("double").as(TextColumns.SENTIMENT), col(TextColumns.EVENT_DATE));
    text.repartition(col(TextColumns.EVENT_DATE)).write().format("delta").mode("overwrite")
        .partitionBy(TextColumns.EVENT_DATE).save(lake.path(LakeTable.NEWS_TEXT));
    return spark.read().format("delta").load(lake.path(LakeTable.NEWS_TEXT)).count();
  }
}
