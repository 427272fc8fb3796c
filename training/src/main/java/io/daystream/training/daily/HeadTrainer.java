package io.daystream.training.daily;

import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits one head of a task on example rows: one implementation per model family. The fitted
 * Pipeline must score any frame of the same shape (an evaluation day, the scorer's candidates)
 * exactly as it was trained, and add the column its task's {@link HeadJudge} reads.
 */
public interface HeadTrainer {

  /** The model family, as the registry records it ({@code lr}, {@code gbt}, ...). */
  String family();

  /** The settings that shape the model, as the registry records them. */
  Map<String, String> parameters();

  /** The seed of any randomness in fitting; the registry records it. */
  long seed();

  /**
   * @param examples training rows holding both classes of the head
   */
  PipelineModel fit(Dataset<Row> examples, String head);
}
