package io.daystream.training.model;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.config.TrainingSettings;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.engagement.EngagementFeatureStages;
import io.daystream.training.daily.HeadTrainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits one engagement head on rows of {@code gold/engagement_examples}: the model's feature stages
 * and the classifier as a single Pipeline, so that the saved model scores any frame of that shape
 * (training days, an evaluation day, the scorer's candidates) exactly as it was trained.
 * Two families: {@code lr}, a logistic regression on the rescaled features (the default), and
 * {@code gbt}, gradient-boosted trees on the same features.
 */
public final class EngagementModelTrainer implements HeadTrainer {

  /** Fixed, so that a re-run of a day fits the same model. */
  public static final long SEED = 20200301L;

  // Trees: a shallow, short ensemble; the features are few and a day holds thousands of rows.
  private static final Classifiers.Trees TREES = new Classifiers.Trees(40, 4, 0.1);

  /** The probability of engagement of each scored row, as a double column. */
  public static Column engagementProbability() {
    return Classifiers.positiveProbability();
  }

  private final FeatureSettings features;
  private final TrainingSettings training;
  private final String family;

  /** A trainer of the configured family ({@code training.model}). */
  public EngagementModelTrainer(FeatureSettings features, TrainingSettings training) {
    this(features, training, training.model());
  }

  /**
   * @throws IllegalArgumentException when the family is neither {@code lr} nor {@code gbt}
   */
  public EngagementModelTrainer(FeatureSettings features, TrainingSettings training, String family) {
    this.features = features;
    this.training = training;
    this.family = Classifiers.requireFamily(family);
  }

  @Override
  public String family() {
    return family;
  }

  @Override
  public long seed() {
    return SEED;
  }

  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("text_terms", String.valueOf(training.textTerms()));
    Classifiers.addParameters(parameters, family, training, training.standardization(), TREES);
    return parameters;
  }

  /**
   * @param examples rows of {@code gold/engagement_examples}
   * @throws IllegalArgumentException when there are no examples or only one class
   */
  @Override
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
    stages.add(classifier());
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
  }

  private PipelineStage classifier() {
    return Classifiers.of(family, EngagementFeatureStages.FEATURES, EngagementColumns.LABEL, training,
        training.standardization(), TREES, SEED);
  }
}
