package io.daystream.features.text;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.sda.vivekn.ViveknSentimentApproach;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The project's own sentiment model: Spark NLP's {@code ViveknSentimentApproach} (a Naive Bayes
 * with negation handling, trained offline) on the training part of {@link SentimentExamples},
 * balanced by label, then a score column. Reads {@link TermsPipeline#INPUT}, adds {@link TextColumns#SENTIMENT}:
 * the model's confidence in [0, 1] signed by its decision (+ positive, − negative), 0 when none
 * of the text's words is in the model's vocabulary, null when the text has no words. Leaves its
 * annotation columns {@link #ANNOTATION_COLUMNS} for the caller to drop.
 */
public final class SentimentPipeline {

  /** Saved models are under {@code featureModelPath(NAME, version())}. */
  public static final String NAME = "sentiment";
  /** Bump whenever a stage or parameter below changes the scores. */
  static final int STAGES_VERSION = 1;
  public static final List<String> ANNOTATION_COLUMNS =
      List.of("sentiment_document", "sentiment_token", "sentiment_normalized", "sentiment_annotation");

  private static final String LABEL = "sentiment_label";
  private static final StructType TRAINING_SCHEMA = new StructType()
      .add(TermsPipeline.INPUT, DataTypes.StringType)
      .add(LABEL, DataTypes.StringType);

  private final SentimentExamples examples;

  public SentimentPipeline(SentimentExamples examples) {
    this.examples = examples;
  }

  /** Changes with the stages and with the training data. */
  public String version() {
    return "v" + STAGES_VERSION + "-vivekn-" + examples.digest();
  }

  /**
   * Fits the model on the training examples (never the held-out ones), the rarer label's examples
   * repeated in turn until both labels count the same: Vivekn's Naive Bayes has no class prior, so
   * trained on the raw 60/40 split it called nearly nine held-out tweets in ten positive.
   */
  public PipelineModel fit(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (SentimentExamples.Example example : balanced(examples.training())) {
      rows.add(RowFactory.create(example.text(), example.label()));
    }
    // About 800 short rows: small enough to ship with the plan.
    Dataset<Row> training = spark.createDataFrame(rows, TRAINING_SCHEMA);
    return new Pipeline().setStages(stages()).fit(training);
  }

  static List<SentimentExamples.Example> balanced(List<SentimentExamples.Example> examples) {
    Map<String, List<SentimentExamples.Example>> byLabel = new TreeMap<>();
    examples.forEach(e -> byLabel.computeIfAbsent(e.label(), label -> new ArrayList<>()).add(e));
    int largest = byLabel.values().stream().mapToInt(List::size).max().orElse(0);
    List<SentimentExamples.Example> balanced = new ArrayList<>();
    for (List<SentimentExamples.Example> ofLabel : byLabel.values()) {
      for (int i = 0; i < largest; i++) {
        balanced.add(ofLabel.get(i % ofLabel.size()));
      }
    }
    return balanced;
  }

  private static PipelineStage[] stages() {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(TermsPipeline.INPUT);
    document.setOutputCol("sentiment_document");

    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"sentiment_document"});
    tokenizer.setOutputCol("sentiment_token");

    Normalizer normalizer = new Normalizer();
    normalizer.setInputCols(new String[] {"sentiment_token"});
    normalizer.setOutputCol("sentiment_normalized");
    normalizer.setLowercase(true);

    ViveknSentimentApproach vivekn = new ViveknSentimentApproach();
    vivekn.setInputCols(new String[] {"sentiment_document", "sentiment_normalized"});
    vivekn.setOutputCol("sentiment_annotation");
    vivekn.setSentimentCol(LABEL);

    // One document, one sentence: the first annotation is the text's. Vivekn truncates its
    // confidence to 6 characters, so clamp what that may leave outside [0, 1].
    String confidence = "least(1.0, greatest(0.0, cast(sentiment_annotation[0].metadata['confidence'] as double)))";
    SQLTransformer score = new SQLTransformer().setStatement("SELECT *, CASE"
        + " WHEN size(sentiment_annotation) = 0 THEN CAST(NULL AS DOUBLE)"
        + " WHEN sentiment_annotation[0].result = 'positive' THEN " + confidence
        + " WHEN sentiment_annotation[0].result = 'negative' THEN -" + confidence
        + " ELSE 0.0D END AS " + TextColumns.SENTIMENT + " FROM __THIS__");

    return new PipelineStage[] {document, tokenizer, normalizer, vivekn, score};
  }
}
