package io.daystream.evaluation.daily;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.engagement.EngagementExamples;
import io.daystream.training.model.EngagementModelTrainer;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ChampionState;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelLineage;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.StagedModel;
import io.daystream.training.window.TrainingWindow;
import io.delta.tables.DeltaTable;
import java.io.IOException;
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
 * days before D, each evaluated by RCE on D; the best challenger is promoted if it beats the
 * champion re-evaluated on the same day. Every model is staged, then registered as a new version:
 * re-running a day adds versions and never touches the files of one that serves.
 */
public final class DailyRetrainJob {

  public static final String TASK = "engagement";

  /** Who the registry records as moving the champion. */
  public static final String ACTOR = "daily-retrain";

  /** The examples are built in-line from bronze (no gold feature set yet); recorded as such. */
  static final String FEATURE_SET = "engagement-examples-inline";

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
   * @throws IllegalArgumentException when day D or a window has no data to learn or judge from
   */
  public RetrainOutcome run(LocalDate day, List<Integer> windows, List<String> heads) {
    EngagementExamples examples = new EngagementExamples(spark, lake);
    Dataset<Row> evaluation = examples.between(day, day).cache();
    try {
      long evaluationRows = evaluation.count();
      if (evaluationRows == 0) {
        throw new IllegalArgumentException("no engagements on the evaluation day " + day
            + ": ingest that day first, or choose a day that has data");
      }
      List<HeadOutcome> outcomes = new ArrayList<>();
      for (String head : heads) {
        outcomes.add(runHead(day, windows, head, examples, evaluation));
      }
      return new RetrainOutcome(day, evaluationRows, outcomes);
    } finally {
      evaluation.unpersist();
    }
  }

  private HeadOutcome runHead(LocalDate day, List<Integer> windows, String head, EngagementExamples examples,
      Dataset<Row> evaluation) {
    EngagementModelTrainer trainer = new EngagementModelTrainer(config.features(), config.training());
    String runId = UUID.randomUUID().toString();
    Map<String, Long> tablesRead = tableVersions(LakeTable.ENGAGEMENTS, LakeTable.TWEETS);
    List<WindowResult> results = new ArrayList<>();
    for (int days : windows) {
      TrainingWindow window = new TrainingWindow(day, days);
      Dataset<Row> training = examples.between(window.firstDay(), window.lastDay()).cache();
      try {
        Row counts = training.agg(org.apache.spark.sql.functions.count("*"),
            org.apache.spark.sql.functions.sum(EngagementColumns.labelOf(head))).first();
        long trainRows = counts.getLong(0);
        if (trainRows == 0) {
          throw new IllegalArgumentException("no engagements in the training window " + window);
        }
        long trainPositives = counts.isNullAt(1) ? 0 : (long) counts.getDouble(1);
        LOG.info("training {} over {} ({} rows)", head, window, trainRows);
        StagedModel staged = registry.stage(new ModelLineage(TASK, head, days, window.firstDay(), window.lastDay(),
            day, tablesRead, FEATURE_SET, "lr", parameters(), 0L, trainRows, trainPositives), runId);
        long started = System.nanoTime();
        PipelineModel model = trainer.fit(training, head);
        Duration trainingTime = Duration.ofNanos(System.nanoTime() - started);
        save(model, staged.stagingPath());
        BinaryMetrics metrics = HeadEvaluation.of(model, evaluation, head);
        registry.register(staged, trainingTime, evaluationOf(metrics));
        results.add(new WindowResult(staged.version(), head, window, trainRows, metrics));
      } finally {
        training.unpersist();
      }
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
    return parameters;
  }

  /** The Delta version of each table now: what this run reads. */
  private Map<String, Long> tableVersions(LakeTable... tables) {
    Map<String, Long> versions = new HashMap<>();
    for (LakeTable table : tables) {
      versions.put(table.folder(), DeltaTable.forPath(spark, lake.path(table)).history(1).select("version")
          .first().getLong(0));
    }
    return versions;
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
