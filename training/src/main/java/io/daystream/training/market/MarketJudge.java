package io.daystream.training.market;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.spark.PredictionMetrics;
import io.daystream.training.daily.HeadJudge;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Judges a market head on labelled rows of {@code gold/market_examples}: the model's RCE, PR-AUC
 * and log loss. Real prices carry no true probability, so there is no oracle. Anything that judges
 * a market model on other days should use it too, so its figures compare with the daily run's.
 */
public final class MarketJudge implements HeadJudge {

  /**
   * @throws IllegalArgumentException when there are no examples or the head is not the market's
   */
  @Override
  public BinaryMetrics judge(PipelineModel model, Dataset<Row> examples, String head) {
    return PredictionMetrics.of(model.transform(examples), MarketModelTrainer.positiveProbability(),
        col(MarketTask.labelOf(head)));
  }

  @Override
  public Dataset<Row> predictions(PipelineModel model, Dataset<Row> examples, String head) {
    return model.transform(examples).select(MarketModelTrainer.positiveProbability().as(PREDICTION),
        col(MarketTask.labelOf(head)).cast("double").as(LABEL));
  }

  /** Always empty: nobody knows the true probability that a stock rises. */
  @Override
  public Optional<BinaryMetrics> oracle(Dataset<Row> examples, String head) {
    MarketTask.labelOf(head);
    return Optional.empty();
  }

}
