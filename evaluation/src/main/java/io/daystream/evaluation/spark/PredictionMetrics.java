package io.daystream.evaluation.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PredictionGroup;
import io.daystream.evaluation.metrics.PredictionHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The metrics of a Spark frame of predictions. Spark reduces the rows to one group per distinct
 * prediction; the exact metrics are then computed on the driver from those groups.
 */
public final class PredictionMetrics {

  private PredictionMetrics() {}

  /**
   * @param prediction a double column in [0, 1]
   * @param label a 0/1 column
   * @throws IllegalArgumentException when the frame is empty
   */
  public static BinaryMetrics of(Dataset<Row> frame, Column prediction, Column label) {
    List<Row> groups = frame
        .select(prediction.cast("double").as("p"), label.cast("long").as("y"))
        .groupBy("p")
        .agg(sum(col("y")).as("positives"), count("*").as("rows"))
        .collectAsList();
    PredictionHistogram.Builder histogram = PredictionHistogram.builder();
    for (Row group : groups) {
      long positives = group.getLong(1);
      histogram.add(new PredictionGroup(group.getDouble(0), positives, group.getLong(2) - positives));
    }
    return BinaryMetrics.of(histogram.build());
  }

  /**
   * The metrics of every group of a frame in one Spark job: rows are reduced to one group per
   * (key, distinct prediction), collected, and each key's histogram is built on the driver.
   *
   * @param keys the grouping columns, all strings
   * @return per key (its values joined by {@code "|"}), the metrics of its rows
   */
  public static Map<String, BinaryMetrics> byKey(Dataset<Row> frame, List<String> keys, Column prediction,
      Column label) {
    List<Column> groupBy = new ArrayList<>();
    keys.forEach(k -> groupBy.add(col(k).cast("string").as(k)));
    groupBy.add(prediction.cast("double").as("p"));
    List<Row> groups = frame.withColumn("_y", label.cast("long"))
        .groupBy(groupBy.toArray(Column[]::new))
        .agg(sum(col("_y")).as("positives"), count("*").as("rows"))
        .collectAsList();
    Map<String, PredictionHistogram.Builder> histograms = new TreeMap<>();
    for (Row group : groups) {
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        key.append(i == 0 ? "" : "|").append(group.isNullAt(i) ? "" : group.getString(i));
      }
      long positives = group.getLong(keys.size() + 1);
      histograms.computeIfAbsent(key.toString(), k -> PredictionHistogram.builder())
          .add(new PredictionGroup(group.getDouble(keys.size()), positives, group.getLong(keys.size() + 2) - positives));
    }
    Map<String, BinaryMetrics> metrics = new TreeMap<>();
    histograms.forEach((key, histogram) -> metrics.put(key, BinaryMetrics.of(histogram.build())));
    return metrics;
  }
}
