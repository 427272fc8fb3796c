package io.daystream.features.topic;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.daystream.core.config.EngagementHistorySettings;
import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;
import io.daystream.features.text.TextColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the topic model comes from: the hashed term frequencies of {@code silver/tweet_text}
 * weighted by IDF squared, L2-normalized, clustered by k-means (the best of a few starts), one
 * Spark ML pipeline fitted on a window of days and saved under
 * {@code Lake.featureModelPath("topics", id)}.
 *
 * <p>The model of given settings and window is fitted once, the first time it is asked for, and
 * reloaded ever after: it is never refitted by itself, so later text (or a rerun) never changes
 * the topics of days already computed. Refitting is a configuration change
 * ({@code features.engagement.topics.fit-from}, {@code fit-days}, {@code count}, ...), which gives
 * another id, hence another feature-set version, and every day is recomputed with the new topics.
 * The window is text only, no outcome: an empty {@code fit-from} starts it at the table's first
 * day, so the same lake always gives the same model whatever range is materialized first.
 */
public final class TopicModels {

  private static final Logger LOG = LoggerFactory.getLogger(TopicModels.class);
  private static final String NAME = "topics";

  private final SparkSession spark;
  private final Lake lake;
  private final int hashFeatures;
  private final EngagementHistorySettings settings;

  public TopicModels(SparkSession spark, Lake lake, FeatureSettings features) {
    this.spark = spark;
    this.lake = lake;
    this.hashFeatures = features.textHashFeatures();
    this.settings = features.engagement();
  }

  /**
   * The model of the configured settings and window: loaded when saved, else fitted and saved.
   *
   * @throws IllegalStateException when {@code silver/tweet_text} holds no text in the window
   */
  public TopicModel current() {
    DayRange window = fitWindow();
    String id = "k" + settings.topicCount() + "-iter" + settings.topicMaxIterations() + "-seed" + settings.topicSeed()
        + "-restarts" + settings.topicRestarts() + "-idf2-hash" + hashFeatures + "-" + window.first() + "_"
        + window.last();
    String path = lake.featureModelPath(NAME, id);
    if (saved(path)) {
      return new TopicModel(id, PipelineModel.load(path));
    }
    Dataset<Row> texts = spark.read().format("delta").load(lake.path(LakeTable.TWEET_TEXT))
        .where(col(TextColumns.EVENT_DATE).between(Date.valueOf(window.first()), Date.valueOf(window.last())))
        .where(col(TextColumns.TERM_FREQUENCIES).isNotNull())
        .select(TextColumns.TERM_FREQUENCIES);
    long count = texts.count();
    if (count < settings.topicCount()) {
      throw new IllegalStateException("cannot fit " + settings.topicCount() + " topics on " + count
          + " texts of silver/tweet_text " + window);
    }
    LOG.info("fitting topic model {} on {} texts of {}", id, count, window);
    PipelineModel model = fit(texts);
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save topic model to " + path, e);
    }
    return new TopicModel(id, PipelineModel.load(path));
  }

  private PipelineModel fit(Dataset<Row> texts) {
    IDFModel idf = new IDF().setInputCol(TextColumns.TERM_FREQUENCIES).setOutputCol(TopicModel.WEIGHTED).fit(texts);
    // IDF once more: the filler words every topic uses are frequent, a topic's own words rare, and
    // with plain IDF the filler still outweighed the three or four telling words of a short tweet.
    ElementwiseProduct sharpened = new ElementwiseProduct().setScalingVec(idf.idf())
        .setInputCol(TopicModel.WEIGHTED).setOutputCol(TopicModel.SHARPENED);
    // Unit vectors: k-means on them clusters by direction (shared words), not by text length.
    Normalizer unit = new Normalizer().setInputCol(TopicModel.SHARPENED).setOutputCol(TopicModel.NORMALIZED).setP(2.0);
    Dataset<Row> points = new Pipeline().setStages(new PipelineStage[] {idf, sharpened, unit}).fit(texts)
        .transform(texts).select(TopicModel.NORMALIZED).cache();
    try {
      KMeansModel best = null;
      for (int start = 0; start < settings.topicRestarts(); start++) {
        KMeansModel clusters = new KMeans().setK(settings.topicCount()).setMaxIter(settings.topicMaxIterations())
            .setSeed(settings.topicSeed() + start).setFeaturesCol(TopicModel.NORMALIZED)
            .setPredictionCol(TopicModel.TOPIC).fit(points);
        LOG.info("topic clustering from seed {}: cost {}", settings.topicSeed() + start,
            clusters.summary().trainingCost());
        if (best == null || clusters.summary().trainingCost() < best.summary().trainingCost()) {
          best = clusters;
        }
      }
      // Only fitted stages: fitting this pipeline computes nothing, it only assembles the model.
      return new Pipeline().setStages(new PipelineStage[] {idf, sharpened, unit, best}).fit(texts);
    } finally {
      points.unpersist();
    }
  }

  private DayRange fitWindow() {
    LocalDate first = settings.topicFitFrom().orElseGet(this::firstTextDay);
    return new DayRange(first, first.plusDays(settings.topicFitDays() - 1L));
  }

  /** The first day of silver/tweet_text, from the Delta log's partition values alone. */
  private LocalDate firstTextDay() {
    Snapshot snapshot = DeltaLog.forTable(spark, lake.path(LakeTable.TWEET_TEXT)).update(false, scala.Option.empty());
    if (snapshot.version() < 0) {
      throw new IllegalStateException("silver/tweet_text does not exist: materialize tweet text before topics");
    }
    Row first = snapshot.allFiles().toDF()
        .agg(min(col("partitionValues").getItem(TextColumns.EVENT_DATE)))
        .first();
    if (first.isNullAt(0)) {
      throw new IllegalStateException("silver/tweet_text holds no text: materialize tweet text before topics");
    }
    return LocalDate.parse(first.getString(0));
  }

  private boolean saved(String path) {
    Path metadata = new Path(path, "metadata");
    try {
      return metadata.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(metadata);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }
}
