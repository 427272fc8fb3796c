package io.daystream.features.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.lineage.InputRead;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code silver/news_text}: one row per bronze news post of day D, featurized from its title
 * followed by its body when it has one (bodies as bronze cleaned them). Reads day D of bronze
 * news only.
 */
final class NewsTextSet implements DailyFeatureSet {

  static final String POST_ID = "post_id";
  static final String SOURCE = "source";

  private final SparkSession spark;
  private final Lake lake;
  private final LazyFeaturizer featurizer;

  NewsTextSet(SparkSession spark, Lake lake, FeatureSettings settings) {
    this.spark = spark;
    this.lake = lake;
    this.featurizer = new LazyFeaturizer(spark, lake, settings);
  }

  @Override
  public String name() {
    return "news-text";
  }

  @Override
  public String featureSetVersion() {
    return name() + "/1/" + featurizer.versions();
  }

  @Override
  public LakeTable output() {
    return LakeTable.NEWS_TEXT;
  }

  @Override
  public String dayColumn() {
    return TextColumns.EVENT_DATE;
  }

  @Override
  public List<InputRead> inputsOf(LocalDate day) {
    return List.of(new InputRead(LakeTable.NEWS, CanonicalSchemas.EVENT_DATE, DayRange.of(day)));
  }

  @Override
  public Dataset<Row> compute(LocalDate day) {
    Dataset<Row> news = BronzeDay.read(spark, lake, LakeTable.NEWS, CanonicalSchemas.NEWS_MESSAGE, day);
    return featurizer.get().featurize(news, titleAndBody())
        .select(col(POST_ID), col(SOURCE), col(TextColumns.EVENT_DATE), col(TextColumns.TERMS),
            col(TextColumns.TERM_FREQUENCIES), col(TextColumns.SENTIMENT));
  }

  /** The title, then the body when it holds more than blanks; concat_ws skips the nulls. */
  static Column titleAndBody() {
    return concat_ws("\n", col("title"), when(trim(col("body")).notEqual(""), col("body")));
  }
}
