package io.daystream.features.text;

import static org.apache.spark.sql.functions.col;

import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureSet;
import io.daystream.features.lineage.InputRead;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code silver/tweet_text}: one row per tweet of bronze tweets' day D (its text as bronze cleaned
 * it), with the text features of {@link TextColumns}. Reads day D of bronze tweets only.
 */
final class TweetTextSet implements DailyFeatureSet {

  static final String TWEET_ID = "tweet_id";

  private final SparkSession spark;
  private final Lake lake;
  private final LazyFeaturizer featurizer;

  TweetTextSet(SparkSession spark, Lake lake, FeatureSettings settings) {
    this.spark = spark;
    this.lake = lake;
    this.featurizer = new LazyFeaturizer(spark, lake, settings);
  }

  @Override
  public String name() {
    return "tweet-text";
  }

  @Override
  public String featureSetVersion() {
    return name() + "/1/" + featurizer.versions();
  }

  @Override
  public LakeTable output() {
    return LakeTable.TWEET_TEXT;
  }

  @Override
  public String dayColumn() {
    return TextColumns.EVENT_DATE;
  }

  @Override
  public List<InputRead> inputsOf(LocalDate day) {
    return List.of(new InputRead(LakeTable.TWEETS, CanonicalSchemas.EVENT_DATE, DayRange.of(day)));
  }

  @Override
  public Dataset<Row> compute(LocalDate day) {
    Dataset<Row> tweets = BronzeDay.read(spark, lake, LakeTable.TWEETS, CanonicalSchemas.TWEET_MESSAGE, day);
    return featurizer.get().featurize(tweets, col("text"))
        .select(col(TWEET_ID), col(TextColumns.EVENT_DATE), col(TextColumns.TERMS),
            col(TextColumns.TERM_FREQUENCIES), col(TextColumns.SENTIMENT));
  }
}
