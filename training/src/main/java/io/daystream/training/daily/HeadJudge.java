package io.daystream.training.daily;

import io.daystream.evaluation.metrics.BinaryMetrics;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a task judges a model of one head on a day's examples. Every window's model and the
 * champion are judged the same way on the same rows, so their figures compare.
 */
public interface HeadJudge {

  /**
   * @throws IllegalArgumentException when there are no examples
   */
  BinaryMetrics judge(PipelineModel model, Dataset<Row> examples, String head);

  /**
   * The model's probability for each example ({@value #PREDICTION}, double) beside its 0/1 label
   * ({@value #LABEL}, double), e.g. for a calibration chart.
   */
  Dataset<Row> predictions(PipelineModel model, Dataset<Row> examples, String head);

  /** Column of {@link #predictions}: the predicted probability of a positive. */
  String PREDICTION = "predicted";

  /** Column of {@link #predictions}: the label. */
  String LABEL = "observed";

  /** The best any model could do on these examples; empty when the data does not know it (real data). */
  Optional<BinaryMetrics> oracle(Dataset<Row> examples, String head);
}
