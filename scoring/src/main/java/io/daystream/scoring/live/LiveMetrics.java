package io.daystream.scoring.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.daystream.core.lake.DeltaTables;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.outcome.LiveMetric;
import io.daystream.evaluation.spark.PredictionMetrics;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.scoring.rank.HeadScores;
import io.daystream.scoring.request.ScoreRequest;
import io.daystream.scoring.sink.ScoreSinks;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * How good the served models are on live traffic: every impression of a day in the bronze
 * engagements is joined to the score that answered it (same user and tweet, the latest request at
 * or before the impression, made that day or the day before), and per head, role (the champion
 * that served, or the shadow scored beside it) and version, per UTC hour and for the whole day,
 * the scores are judged against the engagement: RCE, PR-AUC, log loss. The day's rows of
 * {@code ops/live_metrics} are replaced, so the day can be recomputed as late engagements arrive.
 */
public final class LiveMetrics {

  public static final String CHAMPION = "champion";
  public static final String SHADOW = "shadow";

  public static final StructType SCHEMA = new StructType()
      .add("day", DataTypes.DateType, false)
      .add("hour", DataTypes.TimestampType, true)
      .add("head", DataTypes.StringType, false)
      .add("role", DataTypes.StringType, false)
      .add("model_version", DataTypes.StringType, false)
      .add("rows", DataTypes.LongType, false)
      .add("positives", DataTypes.LongType, false)
      .add("rce", DataTypes.DoubleType, true)
      .add("pr_auc", DataTypes.DoubleType, true)
      .add("log_loss", DataTypes.DoubleType, false)
      .add("computed_at", DataTypes.TimestampType, false);

  private static final String DAY_KEY = "";

  private final SparkSession spark;
  private final String scoresPath;
  private final String engagementsPath;
  private final String metricsPath;
  private final List<String> heads;

  public LiveMetrics(SparkSession spark, String scoresPath, String engagementsPath, String metricsPath,
      List<String> heads) {
    this.spark = spark;
    this.scoresPath = scoresPath;
    this.engagementsPath = engagementsPath;
    this.metricsPath = metricsPath;
    this.heads = List.copyOf(heads);
  }

  /**
   * Computes and stores the day's live metrics.
   *
   * @return the day's metrics, whole-day rows first; empty when no impression of the day answers a score
   */
  public List<LiveMetric> compute(LocalDate day) {
    List<LiveMetric> metrics = judge(day, answeredImpressions(day));
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (LiveMetric metric : metrics) {
      BinaryMetrics m = metric.metrics();
      rows.add(RowFactory.create(Date.valueOf(metric.day()), metric.hour().map(Timestamp::from).orElse(null),
          metric.head(), metric.role(), metric.version(), m.rows(), m.positives(),
          m.rce().isPresent() ? m.rce().getAsDouble() : null, m.prAuc().isPresent() ? m.prAuc().getAsDouble() : null,
          m.logLoss(), now));
    }
    DeltaTables.createIfMissing(spark, metricsPath, SCHEMA);
    spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("overwrite")
        .option("replaceWhere", "day = '" + day + "'").save(metricsPath);
    return metrics;
  }

  /** The stored whole-day live metrics of the days in [first, last]; empty when none were computed. */
  public List<LiveMetric> storedDays(LocalDate first, LocalDate last) {
    if (!DeltaTables.exists(spark, metricsPath)) {
      return List.of();
    }
    return spark.read().format("delta").load(metricsPath)
        .where(col("day").between(Date.valueOf(first), Date.valueOf(last)).and(col("hour").isNull()))
        .orderBy("day", "head", "role", "model_version").collectAsList().stream()
        .map(row -> new LiveMetric(row.getDate(0).toLocalDate(), Optional.empty(), row.getString(2), row.getString(3),
            row.getString(4), new BinaryMetrics(row.getLong(5), row.getLong(6), row.getDouble(9),
                optional(row, 8), optional(row, 7))))
        .toList();
  }

  private static java.util.OptionalDouble optional(Row row, int index) {
    return row.isNullAt(index) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(row.getDouble(index));
  }

  /** Impressions of the day with the score rows that answered them: one row per impression. */
  private Dataset<Row> answeredImpressions(LocalDate day) {
    if (!DeltaTables.exists(spark, scoresPath)) {
      return null;
    }
    Dataset<Row> impressions = spark.read().format("delta").load(engagementsPath)
        .where(col(EngagementColumns.EVENT_DATE).equalTo(lit(Date.valueOf(day))))
        .withColumn("_impression", org.apache.spark.sql.functions.monotonically_increasing_id());
    Dataset<Row> scores = spark.read().format("delta").load(scoresPath)
        .where(col(ScoreSinks.REQUEST_DATE).between(Date.valueOf(day.minusDays(1)), Date.valueOf(day)));
    Dataset<Row> joined = impressions.as("e").join(scores.as("s"),
        col("e.engaging_user_id").equalTo(col("s.engaging_user_id"))
            .and(col("e.tweet_id").equalTo(col("s.tweet_id")))
            .and(col("s." + ScoreRequest.REQUESTED_AT).leq(col("e.impression_at"))));
    List<String> scoreColumns = Arrays.asList(scores.columns());
    List<org.apache.spark.sql.Column> kept = new ArrayList<>();
    kept.add(col("e._impression").as("_impression"));
    kept.add(date_trunc("hour", col("e.impression_at")).as("hour"));
    kept.add(col("s." + ScoreRequest.REQUESTED_AT).as(ScoreRequest.REQUESTED_AT));
    for (String head : heads) {
      kept.add(col("e." + head + "_at").isNotNull().as("y_" + head));
      for (String column : List.of(HeadScores.probability(head), shadowProbability(head))) {
        if (scoreColumns.contains(column)) {
          kept.add(col("s." + column).as(column));
        }
      }
    }
    kept.add(col("s." + HeadScores.MODEL_VERSIONS).as(HeadScores.MODEL_VERSIONS));
    if (scoreColumns.contains(HeadScores.SHADOW_VERSIONS)) {
      kept.add(col("s." + HeadScores.SHADOW_VERSIONS).as(HeadScores.SHADOW_VERSIONS));
    }
    return joined.select(kept.toArray(org.apache.spark.sql.Column[]::new))
        .withColumn("_latest", row_number().over(Window.partitionBy("_impression")
            .orderBy(col(ScoreRequest.REQUESTED_AT).desc())))
        .where(col("_latest").equalTo(1))
        .drop("_latest");
  }

  private List<LiveMetric> judge(LocalDate day, Dataset<Row> answered) {
    if (answered == null) {
      return List.of();
    }
    List<String> columns = Arrays.asList(answered.columns());
    Dataset<Row> judged = null;
    for (String head : heads) {
      for (String role : List.of(CHAMPION, SHADOW)) {
        String probability = role.equals(CHAMPION) ? HeadScores.probability(head) : shadowProbability(head);
        String versions = role.equals(CHAMPION) ? HeadScores.MODEL_VERSIONS : HeadScores.SHADOW_VERSIONS;
        if (!columns.contains(probability) || !columns.contains(versions)) {
          continue;
        }
        Dataset<Row> rows = answered.where(col(probability).isNotNull()).select(
            col("hour").cast("string").as("hour"), lit(head).as("head"), lit(role).as("role"),
            col(versions).getItem(head).as("version"), col(probability).as("p"), col("y_" + head).as("y"));
        judged = judged == null ? rows : judged.unionByName(rows);
      }
    }
    if (judged == null) {
      return List.of();
    }
    judged = judged.localCheckpoint();
    List<LiveMetric> metrics = new ArrayList<>();
    Map<String, BinaryMetrics> byDay = PredictionMetrics.byKey(judged, List.of("head", "role", "version"),
        col("p"), col("y"));
    byDay.forEach((key, m) -> metrics.add(metric(day, DAY_KEY, key, m)));
    Map<String, BinaryMetrics> byHour = PredictionMetrics.byKey(judged, List.of("hour", "head", "role", "version"),
        col("p"), col("y"));
    byHour.forEach((key, m) -> {
      int split = key.indexOf('|');
      metrics.add(metric(day, key.substring(0, split), key.substring(split + 1), m));
    });
    return metrics;
  }

  private static LiveMetric metric(LocalDate day, String hour, String headRoleVersion, BinaryMetrics metrics) {
    String[] parts = headRoleVersion.split("\\|", 3);
    // Spark writes a timestamp as a string in the session time zone, which Daystream sets to UTC.
    Optional<Instant> at = hour.isEmpty() ? Optional.empty()
        : Optional.of(LocalDateTime.parse(hour.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    return new LiveMetric(day, at, parts[0], parts[1], parts[2], metrics);
  }

  private static String shadowProbability(String head) {
    return HeadScores.shadowProbability(head);
  }
}
