package io.daystream.features.text;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF0;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * Applies the saved text model and the saved sentiment model to a text column: adds
 * {@link TextColumns#TERMS}, {@link TextColumns#TERM_FREQUENCIES} and {@link TextColumns#SENTIMENT}
 * and keeps every row, a null or empty text included (empty terms, zero vector, null sentiment).
 */
public final class TextFeaturizer {

  private final PipelineModel terms;
  private final PipelineModel sentiment;

  TextFeaturizer(PipelineModel terms, PipelineModel sentiment) {
    this.terms = terms;
    this.sentiment = sentiment;
  }

  /**
   * The models of the current settings from the lake; a version not saved yet is fitted (the
   * text stages) or trained (the sentiment, on the shipped examples) and saved first.
   */
  public static TextFeaturizer loadOrFit(SparkSession spark, Lake lake, FeatureSettings settings) {
    FeatureModelStore store = new FeatureModelStore(spark, lake);
    TermsPipeline termsPipeline = new TermsPipeline(settings);
    SentimentPipeline sentimentPipeline = new SentimentPipeline(SentimentExamples.shipped());
    PipelineModel terms = store.loadOrFit(TermsPipeline.NAME, termsPipeline.version(),
        () -> termsPipeline.pipeline().fit(spark.emptyDataFrame().withColumn(TermsPipeline.INPUT, lit(""))));
    PipelineModel sentiment = store.loadOrFit(SentimentPipeline.NAME, sentimentPipeline.version(),
        () -> sentimentPipeline.fit(spark));
    return new TextFeaturizer(terms, sentiment);
  }

  /**
   * {@code termFrequencies}, or a vector of {@code size} zeros where it is null: a tweet whose text
   * the lake does not hold has no words, which a model reads as such (a null vector it cannot read).
   */
  public static Column zerosWhenNull(Column termFrequencies, int size) {
    UserDefinedFunction zeros = udf((UDF0<org.apache.spark.ml.linalg.Vector>) () -> Vectors.sparse(size, new int[0], new double[0]), new VectorUDT());
    return coalesce(termFrequencies, zeros.apply());
  }

  /** {@code rows} with the three text columns computed from {@code text}. */
  public Dataset<Row> featurize(Dataset<Row> rows, Column text) {
    Dataset<Row> withText = rows.withColumn(TermsPipeline.INPUT, coalesce(text, lit("")));
    List<String> dropped = new ArrayList<>(SentimentPipeline.ANNOTATION_COLUMNS);
    dropped.add(TermsPipeline.INPUT);
    return sentiment.transform(terms.transform(withText)).drop(dropped.toArray(String[]::new));
  }
}
