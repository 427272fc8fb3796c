package io.daystream.training.market;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.market.MarketColumns;
import io.daystream.features.market.MarketExampleDays;
import io.daystream.training.daily.RetrainTask;
import io.daystream.training.daily.TaskExamples;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The market task: for each symbol with a bar on trading day D, will it beat the market
 * ({@code outperform}) and will it close higher ({@code up}) on the next trading day. Binary heads,
 * judged by RCE like the engagement heads.
 *
 * <p>Days are calendar days, as for every task: a training window [D − W, D − 1] holds the trading
 * days that fall in it (a 3-day window on a Monday holds only the Friday before). An example is a
 * row of {@code gold/market_examples} whose labels are known; a row without them (the last loaded
 * day, whose next trading day has no bar yet, or a symbol without a bar on that day) is left out
 * of training and judging. A non-trading day (materialized with no rows, see
 * {@link MarketExampleDays}) and a day with no labelled row count 0 examples: the daily job skips
 * them as nothing to judge. A day never materialized is an error naming the features command.
 */
public final class MarketTask implements RetrainTask {

  public static final String NAME = "market";

  /** The binary heads, each named like its label column. */
  public static final List<String> HEADS = List.of(MarketColumns.OUTPERFORM, MarketColumns.UP);

  private final SparkSession spark;
  private final Lake lake;

  public MarketTask(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> heads() {
    return HEADS;
  }

  @Override
  public String labelColumn(String head) {
    return labelOf(head);
  }

  /**
   * The 0/1 label column of a market head: the head's own name.
   *
   * @throws IllegalArgumentException when the head is not the market's
   */
  public static String labelOf(String head) {
    if (!HEADS.contains(head)) {
      throw new IllegalArgumentException("task " + NAME + " has no head '" + head + "'; its heads: " + HEADS);
    }
    return head;
  }

  @Override
  public List<LocalDate> materializedDays(DayRange days) {
    return new MarketExampleDays(spark, lake).materializedDays(days);
  }

  /**
   * The labelled examples of {@code days}, read at one version of {@code gold/market_examples};
   * {@code rowsByDay} counts labelled rows, 0 on a non-trading day.
   */
  @Override
  public TaskExamples read(DayRange days) {
    MarketExampleDays.ExampleDays read = new MarketExampleDays(spark, lake).between(days);
    // Both labels come from the next trading day's close: they are known, or unknown, together.
    Dataset<Row> labelled = read.rows()
        .where(col(MarketColumns.OUTPERFORM).isNotNull().and(col(MarketColumns.UP).isNotNull()));
    return new TaskExamples(labelled, MarketColumns.TRADING_DATE,
        Map.of(LakeTable.MARKET_EXAMPLES.folder(), read.tableVersion()), read.featureSetVersion(),
        labelledRowsByDay(labelled, read));
  }

  /** Labelled rows per day of the range; only trading days are counted, the others are 0. */
  private static Map<LocalDate, Long> labelledRowsByDay(Dataset<Row> labelled, MarketExampleDays.ExampleDays read) {
    Map<LocalDate, Long> rows = new TreeMap<>();
    read.rowsByDay().keySet().forEach(day -> rows.put(day, 0L));
    if (read.tradingDays().isEmpty()) {
      return rows;
    }
    labelled.groupBy(MarketColumns.TRADING_DATE).count().collectAsList()
        .forEach(row -> rows.put(row.getDate(0).toLocalDate(), row.getLong(1)));
    return rows;
  }
}
