package io.daystream.features.market;

import static io.daystream.features.market.MarketColumns.CLOSE;
import static io.daystream.features.market.MarketColumns.GAP;
import static io.daystream.features.market.MarketColumns.OUTPERFORM;
import static io.daystream.features.market.MarketColumns.PCT_CHANGE;
import static io.daystream.features.market.MarketColumns.RETURN_RANK;
import static io.daystream.features.market.MarketColumns.SYMBOL;
import static io.daystream.features.market.MarketColumns.TRADING_DATE;
import static io.daystream.features.market.MarketColumns.UP;
import static io.daystream.features.market.MarketColumns.VOLUME_CHANGE;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.config.MarketFeatureSettings;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Price features and labels of every bar of a frame of daily bars ({@code symbol, trading_date,
 * open, close, volume}).
 *
 * <ul>
 *   <li>Windows count the symbol's own bars: a symbol without a bar on a day the market traded
 *       has no row that day, and its next bar's 1-day return spans both days. A day with no bar
 *       at all (a holiday) has no rows and shifts nothing.
 *   <li>A feature whose window reaches before the symbol's first bar in the frame is null, never
 *       zero: the frame must start early enough for the days asked (see
 *       {@link MarketFeatureSettings#historyDays()}).
 *   <li>Labels are about the next market trading day N (the first later day with any bar, within
 *       {@link MarketFeatureSettings#labelHorizonDays()}); null when the symbol has no bar on N or
 *       no N is known yet.
 *   <li>Prices are used as stored: raw closes are not split-adjusted, so a split shows as a large
 *       negative return on its day.
 * </ul>
 */
final class PriceFeatures {

  /** The symbol's return over its last bar, internal: ranked across symbols and averaged for labels. */
  private static final String DAILY_RETURN = "_daily_return";
  private static final String NEXT_DATE = "_next_date";

  private PriceFeatures() {}

  /**
   * @return one row per bar: symbol, trading_date, close, the price features of
   *     {@link MarketColumns#priceFeatures} and the labels
   */
  static Dataset<Row> of(Dataset<Row> bars, MarketFeatureSettings settings) {
    WindowSpec bySymbol = Window.partitionBy(SYMBOL).orderBy(TRADING_DATE);
    Column previousClose = lag(col(CLOSE), 1).over(bySymbol);
    Dataset<Row> features = bars.withColumn(DAILY_RETURN, col(CLOSE).divide(previousClose).minus(1));
    for (int lag : settings.returnLags()) {
      features = features.withColumn(MarketColumns.returnOf(lag),
          col(CLOSE).divide(lag(col(CLOSE), lag).over(bySymbol)).minus(1));
    }
    for (int window : settings.volatilityWindows()) {
      WindowSpec last = bySymbol.rowsBetween(-(window - 1), 0);
      features = features.withColumn(MarketColumns.volatilityOf(window),
          when(count(col(DAILY_RETURN)).over(last).equalTo(window), stddev_samp(col(DAILY_RETURN)).over(last)));
    }
    int volumeDays = settings.volumeAverageDays();
    WindowSpec before = bySymbol.rowsBetween(-volumeDays, -1);
    Column averageVolume = when(count(col("volume")).over(before).equalTo(volumeDays), avg(col("volume")).over(before));
    features = features
        .withColumn(VOLUME_CHANGE, when(averageVolume.gt(0), col("volume").divide(averageVolume).minus(1)))
        .withColumn(GAP, col("open").divide(previousClose).minus(1))
        .withColumn(RETURN_RANK, crossSectionalRank());
    return withLabels(features, settings.labelHorizonDays())
        .select(columns(settings));
  }

  /** (rank − 1) / (n − 1) of the 1-day return among the n symbols with one on that day. */
  private static Column crossSectionalRank() {
    Column ranked = rank().over(Window.partitionBy(TRADING_DATE).orderBy(col(DAILY_RETURN).asc_nulls_last()));
    Column withReturn = count(col(DAILY_RETURN)).over(Window.partitionBy(TRADING_DATE));
    return when(col(DAILY_RETURN).isNull(), lit(null).cast("double"))
        .when(withReturn.equalTo(1), lit(0.5))
        .otherwise(ranked.minus(1).divide(withReturn.minus(1)));
  }

  private static Dataset<Row> withLabels(Dataset<Row> features, int horizonDays) {
    Dataset<Row> days = features.select(TRADING_DATE).distinct();
    Dataset<Row> later = days.select(col(TRADING_DATE).as(NEXT_DATE));
    // The first later day within the horizon; a self-join of the few days, not a window over one partition.
    Dataset<Row> nextDays = days.join(later, col(NEXT_DATE).gt(col(TRADING_DATE))
            .and(datediff(col(NEXT_DATE), col(TRADING_DATE)).leq(horizonDays)), "left")
        .groupBy(TRADING_DATE).agg(min(col(NEXT_DATE)).as(NEXT_DATE));
    Dataset<Row> meanReturns = features.groupBy(col(TRADING_DATE).as(NEXT_DATE))
        .agg(avg(col(DAILY_RETURN)).as("_next_mean_return"));
    Dataset<Row> nextCloses = features.select(col(SYMBOL), col(TRADING_DATE).as(NEXT_DATE), col(CLOSE).as("_next_close"));
    Dataset<Row> joined = features.join(nextDays, TRADING_DATE)
        .join(meanReturns, scala.collection.JavaConverters.asScalaBuffer(java.util.List.of(NEXT_DATE)).toSeq(), "left")
        .join(nextCloses, scala.collection.JavaConverters.asScalaBuffer(java.util.List.of(SYMBOL, NEXT_DATE)).toSeq(),
            "left");
    Column pctChange = col("_next_close").divide(col(CLOSE)).minus(1);
    return joined
        .withColumn(PCT_CHANGE, pctChange)
        .withColumn(UP, when(col("_next_close").isNotNull(), col("_next_close").geq(col(CLOSE)).cast("int")))
        .withColumn(OUTPERFORM, when(pctChange.isNotNull().and(col("_next_mean_return").isNotNull()),
            pctChange.gt(col("_next_mean_return")).cast("int")));
  }

  private static Column[] columns(MarketFeatureSettings settings) {
    java.util.List<Column> columns = new java.util.ArrayList<>();
    columns.add(col(SYMBOL));
    columns.add(col(TRADING_DATE));
    columns.add(col(CLOSE));
    MarketColumns.priceFeatures(settings.returnLags(), settings.volatilityWindows()).forEach(c -> columns.add(col(c)));
    MarketColumns.LABELS.forEach(c -> columns.add(col(c)));
    return columns.toArray(Column[]::new);
  }
}
