package io.daystream.training.market;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.daystream.core.config.MarketFeatureSettings;
import io.daystream.core.config.TrainingSettings;
import io.daystream.features.market.MarketFeatureStages;
import io.daystream.training.daily.HeadTrainer;
import io.daystream.training.model.Classifiers;
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
 * Fits one market head on labelled rows of {@code gold/market_examples}: {@link MarketFeatureStages}
 * and the classifier as a single Pipeline, so the saved model scores any frame of that shape
 * exactly as it was trained. Two families: {@code lr}, a logistic regression (the default), and
 * {@code gbt}, gradient-boosted trees on the same features.
 *
 * <p>The logistic regression takes {@code training.max-iterations}, {@code reg-param} and
 * {@code elastic-net-param}, but always standardizes: returns (around 0.01) and log counts (around
 * 3) differ by orders of magnitude, and an unstandardized penalty would silence the returns.
 */
public final class MarketModelTrainer implements HeadTrainer {

  /** Fixed, so that a re-run of a day fits the same model. */
  public static final long SEED = 20130208L;

  /** The label column the classifier reads, a double copy of the head's 0/1 label. */
  public static final String LABEL = "label";

  // Trees: a shallow, short ensemble; a window holds a few hundred to a few thousand rows.
  private static final Classifiers.Trees TREES = new Classifiers.Trees(30, 3, 0.1);

  /** The probability of the positive class of each scored row, as a double column. */
  public static Column positiveProbability() {
    return Classifiers.positiveProbability();
  }

  private final MarketFeatureSettings features;
  private final TrainingSettings training;
  private final String family;

  /**
   * @throws IllegalArgumentException when the family is neither {@code lr} nor {@code gbt}
   */
  public MarketModelTrainer(MarketFeatureSettings features, TrainingSettings training, String family) {
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
    parameters.put("return_lags", features.returnLags().toString());
    parameters.put("volatility_windows", features.volatilityWindows().toString());
    // Always standardized: see the class comment.
    Classifiers.addParameters(parameters, family, training, true, TREES);
    return parameters;
  }

  /**
   * @param examples labelled rows of {@code gold/market_examples}; rows whose label is null are
   *     left out
   * @throws IllegalArgumentException when no labelled row is left, or they hold a single class
   */
  @Override
  public PipelineModel fit(Dataset<Row> examples, String head) {
    String labelColumn = MarketTask.labelOf(head);
    Dataset<Row> labelled = examples.where(col(labelColumn).isNotNull())
        .withColumn(LABEL, col(labelColumn).cast("double"));
    Row counts = labelled.agg(count("*"), sum(LABEL)).first();
    long rows = counts.getLong(0);
    double positives = counts.isNullAt(1) ? 0 : counts.getDouble(1);
    if (rows == 0) {
      throw new IllegalArgumentException("no labelled training examples for head " + head);
    }
    if (positives == 0 || positives == rows) {
      throw new IllegalArgumentException("training examples for head " + head + " hold a single class ("
          + (long) positives + " positives of " + rows + ")");
    }
    List<PipelineStage> stages = new ArrayList<>(List.of(MarketFeatureStages.of(features)));
    stages.add(classifier());
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(labelled);
  }

  private PipelineStage classifier() {
    return Classifiers.of(family, MarketFeatureStages.FEATURES, LABEL, training, true, TREES, SEED);
  }
}
