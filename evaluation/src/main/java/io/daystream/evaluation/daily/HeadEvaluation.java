package io.daystream.evaluation.daily;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.spark.PredictionMetrics;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.training.model.EngagementModelTrainer;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How one head is judged on a set of engagement examples: a fitted model's metrics, and the
 * oracle's, the true probabilities' metrics, when the data carries them. The daily run judges
 * every window's model and the champion this way; anything that judges a model on other days
 * should too, so its figures compare with the run's.
 */
public final class HeadEvaluation {

  private HeadEvaluation() {}

  /**
   * @param examples rows of {@code gold/engagement_examples}
   * @throws IllegalArgumentException when there are no examples
   */
  public static BinaryMetrics of(PipelineModel model, Dataset<Row> examples, String head) {
    return PredictionMetrics.of(model.transform(examples), EngagementModelTrainer.engagementProbability(),
        col(EngagementColumns.labelOf(head)));
  }

  /** The best any model could do: empty when no example carries its true probability (real data). */
  public static Optional<BinaryMetrics> oracle(Dataset<Row> examples, String head) {
    String truth = EngagementColumns.trueProbabilityOf(head);
    Dataset<Row> known = examples.where(col(truth).isNotNull());
    if (known.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PredictionMetrics.of(known, col(truth), col(EngagementColumns.labelOf(head))));
  }
}
