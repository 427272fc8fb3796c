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

  /** The best any model could do on these examples; empty when the data does not know it (real data). */
  Optional<BinaryMetrics> oracle(Dataset<Row> examples, String head);
}
