package io.daystream.bench.market;

import static org.apache.spark.sql.functions.col;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.features.market.MarketColumns;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A plain Spark ML logistic regression of {@code outperform}, refitted before every
 * {@code retrainEvery}-th evaluated trading day D on the examples of the {@code window} trading
 * days before D (their labels are about days up to D, known at D's close), and judging D and the
 * next {@code retrainEvery − 1} days with that model. The predictions of every evaluated day are
 * pooled into one set of metrics.
 */
final class RollingLogisticRegression {

  private final int window;
  private final double regParam;

  private final int retrainEvery;
  private final int maxIterations;

  RollingLogisticRegression(int window, double regParam, int retrainEvery, int maxIterations) {
    this.window = window;
    this.regParam = regParam;
    this.retrainEvery = retrainEvery;
    this.maxIterations = maxIterations;
  }

  /**
   * @param examples rows with {@code trading_date}, a {@code features} vector and a 0/1 {@code label}
   * @param days the trading days judged, in order; each needs {@code window} trading days before it
   */
  BinaryMetrics pooled(Dataset<Row> examples, List<LocalDate> tradingDays, List<LocalDate> days) {
    List<Double> predictions = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    LogisticRegression lr = new LogisticRegression().setMaxIter(maxIterations).setRegParam(regParam)
        .setStandardization(true);
    for (int start = 0; start < days.size(); start += retrainEvery) {
      LocalDate day = days.get(start);
      LocalDate lastJudged = days.get(Math.min(days.size(), start + retrainEvery) - 1);
      int index = tradingDays.indexOf(day);
      if (index < window) {
        throw new IllegalArgumentException(day + " has fewer than " + window + " trading days before it");
      }
      Dataset<Row> train = examples.where(col(MarketColumns.TRADING_DATE).between(
          Date.valueOf(tradingDays.get(index - window)), Date.valueOf(tradingDays.get(index - 1))));
      LogisticRegressionModel model = lr.fit(train);
      List<Row> judged = model.transform(examples.where(col(MarketColumns.TRADING_DATE)
              .between(Date.valueOf(day), Date.valueOf(lastJudged))))
          .select(functions.vector_to_array(col("probability"), "float64").getItem(1), col("label"))
          .collectAsList();
      for (Row row : judged) {
        predictions.add(row.getDouble(0));
        labels.add((int) row.getDouble(1));
      }
    }
    return BinaryMetrics.of(predictions.stream().mapToDouble(Double::doubleValue).toArray(),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }
}
