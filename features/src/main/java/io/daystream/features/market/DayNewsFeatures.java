package io.daystream.features.market;

import static io.daystream.features.market.MarketColumns.NEWS_COUNT;
import static io.daystream.features.market.MarketColumns.NEWS_SENTIMENT;
import static io.daystream.features.market.MarketColumns.NEWS_TEXT;
import static io.daystream.features.market.MarketColumns.TRADING_DATE;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.daystream.features.text.TextColumns;
import java.util.Optional;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The news of each day, market-wide (the loaded news sources name no symbol): known by the end of
 * the UTC day they were created on, so they are features of that day's examples.
 */
final class DayNewsFeatures {

  private DayNewsFeatures() {}

  /**
   * @param news bronze news rows of the days wanted
   * @param newsText silver news text of the same days, if that table exists
   * @return per {@code trading_date} with news: the headline count, and the mean sentiment and
   *     mean term-frequency vector of the day's featurized headlines (null without silver text)
   */
  static Dataset<Row> of(Dataset<Row> news, Optional<Dataset<Row>> newsText) {
    Dataset<Row> counts = news.groupBy(col(TextColumns.EVENT_DATE).as(TRADING_DATE)).agg(count(lit(1)).as(NEWS_COUNT));
    if (newsText.isEmpty()) {
      return counts
          .withColumn(NEWS_SENTIMENT, lit(null).cast("double"))
          .withColumn(NEWS_TEXT, lit(null).cast(new org.apache.spark.ml.linalg.VectorUDT()));
    }
    Dataset<Row> text = newsText.get().groupBy(col(TextColumns.EVENT_DATE).as(TRADING_DATE)).agg(
        avg(col(TextColumns.SENTIMENT)).as(NEWS_SENTIMENT),
        Summarizer.mean(col(TextColumns.TERM_FREQUENCIES)).as(NEWS_TEXT));
    return counts.join(text, scala.collection.JavaConverters.asScalaBuffer(java.util.List.of(TRADING_DATE)).toSeq(),
        "left");
  }
}
