package io.daystream.training.model;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.config.TrainingSettings;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.engagement.EngagementFeatureStages;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits one engagement head on rows of {@code gold/engagement_examples}: the model's feature stages
 * and the classifier as a single Pipeline, so that the saved model scores any frame of that shape
 * (training days, an evaluation day, the scorer's candidates) exactly as it was trained.
 */
public final class EngagementModelTrainer {

  /** Probability vector column; element 1 is the probability of engagement. */
  public static final String PROBABILITY = "probability";

  /** The probability of engagement of each scored row, as a double column. */
  public static Column engagementProbability() {
    return vector_to_array(col(PROBABILITY), "float64").getItem(1);
  }

  private final FeatureSettings features;
  private final TrainingSettings training;

  public EngagementModelTrainer(FeatureSettings features, TrainingSettings training) {
    this.features = features;
    this.training = training;
  }

  /**
   * @param examples rows of {@code gold/engagement_examples}
   * @throws IllegalArgumentException when there are no examples or only one class
   */
  public PipelineModel fit(Dataset<Row> examples, String head) {
    String labelColumn = EngagementColumns.labelOf(head);
    Dataset<Row> labelled = examples.withColumn(EngagementColumns.LABEL, col(labelColumn));
    Row counts = labelled.agg(
        org.apache.spark.sql.functions.count("*"),
        org.apache.spark.sql.functions.sum(EngagementColumns.LABEL)).first();
    long rows = counts.getLong(0);
    double positives = counts.isNullAt(1) ? 0 : counts.getDouble(1);
    if (rows == 0) {
      throw new IllegalArgumentException("no training examples for head " + head);
    }
    if (positives == 0 || positives == rows) {
      throw new IllegalArgumentException("training examples for head " + head
          + " hold a single class (" + (long) positives + " positives of " + rows + ")");
    }
    return pipeline().fit(labelled);
  }

  private Pipeline pipeline() {
    List<PipelineStage> stages = new ArrayList<>(List.of(EngagementFeatureStages.of(features.textHashFeatures(), training.textTerms())));
    stages.add(new LogisticRegression()
        .setFeaturesCol(EngagementFeatureStages.FEATURES)
        .setLabelCol(EngagementColumns.LABEL)
        .setProbabilityCol(PROBABILITY)
        .setMaxIter(training.maxIterations())
        .setRegParam(training.regParam())
        .setElasticNetParam(training.elasticNetParam())
        .setStandardization(training.standardization()));
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
  }
}
