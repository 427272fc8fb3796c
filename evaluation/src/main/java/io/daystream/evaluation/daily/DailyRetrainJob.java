package io.daystream.evaluation.daily;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.day.DayRange;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.engagement.EngagementExamples;
import io.daystream.features.engagement.EngagementExamples.ExampleDays;
import io.daystream.training.model.EngagementModelTrainer;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ChampionState;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelLineage;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.StagedModel;
import io.daystream.training.window.TrainingWindow;
import java.io.IOException;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retraining of the engagement task for day D: for each head, one model per window of
 * days before D, learned from the materialized examples of {@code gold/engagement_examples} and
 * evaluated by RCE on D; the best challenger is promoted if it beats the
 * champion re-evaluated on the same day. Every model is staged, then registered as a new version:
 * re-running a day adds versions and never touches the files of one that serves.
 */
public final class DailyRetrainJob {

  public static final String TASK = "engagement";

  /** Who the registry records as moving the champion. */
  public static final String ACTOR = "daily-retrain";

  private static final Logger LOG = LoggerFactory.getLogger(DailyRetrainJob.class);

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final Lake lake;
  private final ModelRegistry registry;

  public DailyRetrainJob(SparkSession spark, DaystreamConfig config) {
    this.spark = spark;
    this.config = config;
    this.lake = new Lake(config.lake());
    this.registry = new ModelRegistry(spark, lake);
  }

  /**
   * Trains and judges every head over every window, from the materialized feature days
   * [D − longest window, D] of {@code gold/engagement_examples}.
   *
   * @throws IllegalArgumentException when a day the run needs was not materialized, day D has no
   *     examples, or a window has none
   */
  public RetrainOutcome run(LocalDate day, List<Integer> windows, List<String> heads) {
    int longest = windows.stream().mapToInt(Integer::intValue).max()
        .orElseThrow(() -> new IllegalArgumentException("no training windows given"));
    // One read at one table version, cached: day D and every window are filters of it.
    ExampleDays examples = new EngagementExamples(spark, lake).between(new DayRange(day.minusDays(longest), day));
    long evaluationRows = examples.rowsOn(day);
    if (evaluationRows == 0) {
      throw new IllegalArgumentException("no engagement examples on the evaluation day " + day
          + ": ingest that day and run `daystream features` for it, or choose a day that has data");
    }
    Dataset<Row> cached = examples.rows().cache();
    Dataset<Row> evaluation = cached.where(col(EngagementColumns.EVENT_DATE).equalTo(Date.valueOf(day)));
    Dataset<Row> history = cached.where(col(EngagementColumns.EVENT_DATE).lt(Date.valueOf(day)));
    try {
      List<HeadOutcome> outcomes = new ArrayList<>();
      for (String head : heads) {
        outcomes.add(runHead(day, windows, head, examples, history, evaluation));
      }
      return new RetrainOutcome(day, evaluationRows, outcomes);
    } finally {
      cached.unpersist();
    }
  }

  private HeadOutcome runHead(LocalDate day, List<Integer> windows, String head, ExampleDays examples,
      Dataset<Row> history, Dataset<Row> evaluation) {
    EngagementModelTrainer trainer = new EngagementModelTrainer(config.features(), config.training());
    String runId = UUID.randomUUID().toString();
    Map<String, Long> tablesRead = Map.of(LakeTable.ENGAGEMENT_EXAMPLES.folder(), examples.tableVersion());
    List<WindowResult> results = new ArrayList<>();
    for (int days : windows) {
      TrainingWindow window = new TrainingWindow(day, days);
      Dataset<Row> training = history.where(col(EngagementColumns.EVENT_DATE)
          .between(Date.valueOf(window.firstDay()), Date.valueOf(window.lastDay())));
      Row counts = training.agg(count("*"), sum(EngagementColumns.labelOf(head))).first();
      long trainRows = counts.getLong(0);
      if (trainRows == 0) {
        throw new IllegalArgumentException("no engagement examples in the training window " + window);
      }
      long trainPositives = counts.isNullAt(1) ? 0 : (long) counts.getDouble(1);
      LOG.info("training {} over {} ({} rows)", head, window, trainRows);
      StagedModel staged = registry.stage(new ModelLineage(TASK, head, days, window.firstDay(), window.lastDay(),
          day, tablesRead, examples.featureSetVersion(), "lr", parameters(), 0L, trainRows, trainPositives), runId);
      long started = System.nanoTime();
      PipelineModel model = trainer.fit(training, head);
      Duration trainingTime = Duration.ofNanos(System.nanoTime() - started);
      save(model, staged.stagingPath());
      BinaryMetrics metrics = HeadEvaluation.of(model, evaluation, head);
      registry.register(staged, trainingTime, evaluationOf(metrics));
      results.add(new WindowResult(staged.version(), head, window, trainRows, metrics));
    }
    WindowResult best = results.stream()
        .max(Comparator.comparingDouble(r -> r.metrics().rce().orElse(Double.NEGATIVE_INFINITY)))
        .orElseThrow();

    ChampionState champion = registry.champion(TASK, head);
    Optional<String> previous = champion.version();
    Optional<BinaryMetrics> previousMetrics = previous.map(version -> championMetricsOn(version, results, evaluation, head));
    ChampionPolicy.Decision decision = new ChampionPolicy(config.promotion()).decide(
        new ChampionPolicy.Candidate(best.version(), best.metrics().rce()),
        previous.map(version -> new ChampionPolicy.Candidate(version, previousMetrics.get().rce())));
    if (decision.promote()) {
      // Conditioned on the champion read above: a concurrent promotion makes this one fail, unapplied.
      registry.moveChampion(champion, best.version(), AliasChange.Action.PROMOTED, ACTOR, decision.reason());
    }
    LOG.info("{}: {} ({})", head, decision.promote() ? "promoted " + best.version() : "kept champion", decision.reason());
    return new HeadOutcome(head, results, previous, previousMetrics, best, decision,
        decision.promote() ? Optional.of(best.version()) : previous, HeadEvaluation.oracle(evaluation, head));
  }

  /** The champion's metrics on today's data: its registered RCE is from its own, older day. */
  private BinaryMetrics championMetricsOn(String version, List<WindowResult> today, Dataset<Row> evaluation,
      String head) {
    for (WindowResult result : today) {
      if (result.version().equals(version)) {
        return result.metrics();
      }
    }
    String path = registry.require(version).requireModelPath();
    return HeadEvaluation.of(PipelineModel.load(path), evaluation, head);
  }

  /** The logistic regression's settings, as the registry records them. */
  private Map<String, String> parameters() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("max_iterations", String.valueOf(config.training().maxIterations()));
    parameters.put("reg_param", String.valueOf(config.training().regParam()));
    parameters.put("elastic_net_param", String.valueOf(config.training().elasticNetParam()));
    parameters.put("standardization", String.valueOf(config.training().standardization()));
    parameters.put("text_terms", String.valueOf(config.training().textTerms()));
    return parameters;
  }

  private static ModelEvaluation evaluationOf(BinaryMetrics metrics) {
    Map<String, Double> values = new HashMap<>();
    metrics.rce().ifPresent(rce -> values.put(ModelEvaluation.RCE, rce));
    metrics.prAuc().ifPresent(prAuc -> values.put(ModelEvaluation.PR_AUC, prAuc));
    values.put(ModelEvaluation.LOG_LOSS, metrics.logLoss());
    return new ModelEvaluation(metrics.rows(), metrics.positives(), values);
  }

  /** Saves into the candidate's own, new staging folder: never over another model's files. */
  private static void save(PipelineModel model, String path) {
    try {
      model.write().save(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the model to " + path, e);
    }
  }
}
