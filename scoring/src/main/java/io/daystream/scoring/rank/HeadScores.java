package io.daystream.scoring.rank;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;

import io.daystream.scoring.champion.ChampionModel;
import io.daystream.scoring.champion.ServingSet;
import io.daystream.training.model.Classifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Every head's probability for each candidate, and the ranking score that weighs them: the
 * expected value of the engagements a tweet may bring, sum over heads of weight × P(head).
 * A head without a serving champion gets a null probability and is left out of the sum; the
 * versions that scored a row are recorded in it.
 */
public final class HeadScores {

  public static final String SCORE = "score";
  public static final String MODEL_VERSIONS = "model_versions";
  public static final String SHADOW_VERSIONS = "shadow_versions";

  private final Map<String, Double> weights;

  /** @param weights weight of each head to score, by head name */
  public HeadScores(Map<String, Double> weights) {
    this.weights = Map.copyOf(weights);
  }

  /** The scored heads, in the order of their columns. */
  public List<String> heads() {
    return weights.keySet().stream().sorted().toList();
  }

  /** The column holding a head's probability, e.g. {@code p_like}. */
  public static String probability(String head) {
    return "p_" + head;
  }

  /** The column holding a head's shadow probability, e.g. {@code shadow_p_like}. */
  public static String shadowProbability(String head) {
    return "shadow_" + probability(head);
  }

  /**
   * @param features the models' input; every column is kept
   * @param shadow models scored beside the served ones, for their live metrics; they do not rank
   * @return {@code features} with {@code p_<head>} per weighted head, {@code score},
   *     {@code model_versions} (head to version), and {@code shadow_p_<head>} and
   *     {@code shadow_versions} (null where a head has no shadow)
   * @throws IllegalStateException when no weighted head has a champion
   */
  public Dataset<Row> score(Dataset<Row> features, ServingSet serving, ServingSet shadow) {
    Dataset<Row> scored = score(features, serving);
    List<Column> versions = new ArrayList<>();
    for (String head : heads()) {
      ChampionModel model = shadow.byHead().get(head);
      if (model == null) {
        scored = scored.withColumn(shadowProbability(head), lit(null).cast(DataTypes.DoubleType));
        continue;
      }
      List<Column> kept = columnsOf(scored);
      kept.add(Classifiers.positiveProbability().as(shadowProbability(head)));
      scored = model.model().transform(scored).select(kept.toArray(Column[]::new));
      versions.add(lit(head));
      versions.add(lit(model.version()));
    }
    Column shadowVersions = versions.isEmpty()
        ? lit(null).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
        : map(versions.toArray(Column[]::new));
    return scored.withColumn(SHADOW_VERSIONS, shadowVersions);
  }

  /** {@link #score(Dataset, ServingSet, ServingSet)} without shadows. */
  public Dataset<Row> score(Dataset<Row> features, ServingSet serving) {
    if (weights.keySet().stream().noneMatch(serving.byHead()::containsKey)) {
      throw new IllegalStateException("no champion serves any of the heads " + weights.keySet()
          + ": run `daystream retrain --task engagement` first");
    }
    Dataset<Row> scored = features;
    Column score = lit(0.0);
    List<Column> versions = new ArrayList<>();
    for (String head : heads()) {
      ChampionModel champion = serving.byHead().get(head);
      if (champion == null) {
        scored = scored.withColumn(probability(head), lit(null).cast(DataTypes.DoubleType));
        continue;
      }
      // Each model adds its own feature and prediction columns: keep only the probability, so
      // the next head's model starts from the same input.
      List<Column> kept = columnsOf(scored);
      kept.add(Classifiers.positiveProbability().as(probability(head)));
      scored = champion.model().transform(scored).select(kept.toArray(Column[]::new));
      score = score.plus(col(probability(head)).multiply(weights.get(head)));
      versions.add(lit(head));
      versions.add(lit(champion.version()));
    }
    return scored.withColumn(SCORE, score).withColumn(MODEL_VERSIONS, map(versions.toArray(Column[]::new)));
  }

  private static List<Column> columnsOf(Dataset<Row> frame) {
    List<Column> columns = new ArrayList<>();
    for (String name : frame.columns()) {
      columns.add(col(name));
    }
    return columns;
  }
}
