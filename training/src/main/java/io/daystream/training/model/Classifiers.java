package io.daystream.training.model;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;

import io.daystream.core.config.TrainingSettings;
import java.util.Map;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.sql.Column;

/**
 * The classifier of each model family ({@code lr}, {@code gbt}), built and recorded the same way
 * for every task: the last stage of a task's Pipeline, after its feature stages.
 */
public final class Classifiers {

  /** Probability vector column every classifier writes; element 1 is the positive class. */
  public static final String PROBABILITY = "probability";

  /** A tree ensemble's shape, chosen per task for the size of its windows. */
  public record Trees(int count, int depth, double stepSize) {}

  private Classifiers() {}

  /** The probability of the positive class of each scored row, as a double column. */
  public static Column positiveProbability() {
    return vector_to_array(col(PROBABILITY), "float64").getItem(1);
  }

  /**
   * @throws IllegalArgumentException when the family is neither {@code lr} nor {@code gbt}
   */
  public static String requireFamily(String family) {
    if (!TrainingSettings.MODEL_FAMILIES.contains(family)) {
      throw new IllegalArgumentException("unknown model family '" + family + "', expected one of "
          + TrainingSettings.MODEL_FAMILIES);
    }
    return family;
  }

  /**
   * @param standardization whether the logistic regression standardizes its features
   */
  public static PipelineStage of(String family, String featuresColumn, String labelColumn, TrainingSettings training,
      boolean standardization, Trees trees, long seed) {
    if (requireFamily(family).equals("gbt")) {
      return new GBTClassifier()
          .setFeaturesCol(featuresColumn)
          .setLabelCol(labelColumn)
          .setProbabilityCol(PROBABILITY)
          .setMaxIter(trees.count())
          .setMaxDepth(trees.depth())
          .setStepSize(trees.stepSize())
          .setSeed(seed);
    }
    return new LogisticRegression()
        .setFeaturesCol(featuresColumn)
        .setLabelCol(labelColumn)
        .setProbabilityCol(PROBABILITY)
        .setMaxIter(training.maxIterations())
        .setRegParam(training.regParam())
        .setElasticNetParam(training.elasticNetParam())
        .setStandardization(standardization);
  }

  /** Adds the family's settings to {@code parameters}, as the registry records them. */
  public static void addParameters(Map<String, String> parameters, String family, TrainingSettings training,
      boolean standardization, Trees trees) {
    if (requireFamily(family).equals("gbt")) {
      parameters.put("trees", String.valueOf(trees.count()));
      parameters.put("max_depth", String.valueOf(trees.depth()));
      parameters.put("step_size", String.valueOf(trees.stepSize()));
    } else {
      parameters.put("max_iterations", String.valueOf(training.maxIterations()));
      parameters.put("reg_param", String.valueOf(training.regParam()));
      parameters.put("elastic_net_param", String.valueOf(training.elasticNetParam()));
      parameters.put("standardization", String.valueOf(standardization));
    }
  }
}
