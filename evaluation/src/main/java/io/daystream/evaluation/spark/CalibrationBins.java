package io.daystream.evaluation.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import io.daystream.evaluation.report.HeadFigures.Calibration;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A reliability diagram's points: predictions cut into equal-width bins of probability, each
 * with its mean prediction, its observed positive rate and its size. Empty bins are left out.
 */
public final class CalibrationBins {

  private CalibrationBins() {}

  /**
   * @param predictions one row per example: a probability column and a 0/1 label column
   * @throws IllegalArgumentException when bins is below 2
   */
  public static List<Calibration.Bin> of(Dataset<Row> predictions, String prediction, String label, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("calibration needs at least 2 bins, not " + bins);
    }
    // A probability of exactly 1 belongs to the last bin, not to a bin of its own.
    return predictions
        .groupBy(least(floor(col(prediction).multiply(bins)), lit(bins - 1)).as("bin"))
        .agg(avg(col(prediction)), avg(col(label)), count("*"))
        .orderBy("bin")
        .collectAsList().stream()
        .map(row -> new Calibration.Bin(row.getDouble(1), row.getDouble(2), row.getLong(3)))
        .toList();
  }
}
