package io.daystream.training.engagement;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.spark.PredictionMetrics;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.training.daily.HeadJudge;
import io.daystream.training.model.EngagementModelTrainer;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Judges an engagement head on rows of {@code gold/engagement_examples}: the model's RCE, PR-AUC
 * and log loss, and the oracle's (the generator's true probabilities) when the rows carry them.
 * Anything that judges a model on other days (experiments, benchmarks) should use it too, so
 * its figures compare with the daily run's.
 */
public final class EngagementJudge implements HeadJudge {

  @Override
  public BinaryMetrics judge(PipelineModel model, Dataset<Row> examples, String head) {
    return PredictionMetrics.of(model.transform(examples), EngagementModelTrainer.engagementProbability(),
        col(EngagementColumns.labelOf(head)));
  }

  @Override
  public Dataset<Row> predictions(PipelineModel model, Dataset<Row> examples, String head) {
    return model.transform(examples).select(EngagementModelTrainer.engagementProbability().as(PREDICTION),
        col(EngagementColumns.labelOf(head)).cast("double").as(LABEL));
  }

  @Override
  public Optional<BinaryMetrics> oracle(Dataset<Row> examples, String head) {
    String truth = EngagementColumns.trueProbabilityOf(head);
    Dataset<Row> known = examples.where(col(truth).isNotNull());
    if (known.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PredictionMetrics.of(known, col(truth), col(EngagementColumns.labelOf(head))));
  }
}
