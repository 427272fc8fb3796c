package io.daystream.features.topic;

import static org.apache.spark.sql.functions.col;

import io.daystream.features.text.TextColumns;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted topic model: assigns each text of {@code silver/tweet_text} one topic from its hashed
 * term frequencies. Its id names the settings and the fit window it came from; it is part of the
 * version of every feature set that uses topics.
 */
public final class TopicModel {

  /** The assigned topic, an int in [0, count); null when the text is unknown. */
  public static final String TOPIC = "topic";
  static final String WEIGHTED = "topic_tfidf";
  static final String SHARPENED = "topic_tfidf2";
  static final String NORMALIZED = "topic_unit_tfidf";

  private final String id;
  private final PipelineModel pipeline;

  TopicModel(String id, PipelineModel pipeline) {
    this.id = id;
    this.pipeline = pipeline;
  }

  public String id() {
    return id;
  }

  /** {@code texts} with a {@link #TOPIC} column added; the other columns are kept as they were. */
  public Dataset<Row> assign(Dataset<Row> texts) {
    if (!java.util.Arrays.asList(texts.columns()).contains(TextColumns.TERM_FREQUENCIES)) {
      throw new IllegalArgumentException("texts need a " + TextColumns.TERM_FREQUENCIES + " column");
    }
    return pipeline.transform(texts)
        .withColumn(TOPIC, col(TOPIC).cast("int"))
        .drop(WEIGHTED, SHARPENED, NORMALIZED);
  }
}
