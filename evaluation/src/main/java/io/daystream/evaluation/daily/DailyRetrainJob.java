package io.daystream.evaluation.daily;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.engagement.EngagementExamples;
import io.daystream.training.model.EngagementModelTrainer;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.PromotionEvent;
import io.daystream.training.registry.PromotionLog;
import io.daystream.training.window.TrainingWindow;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retraining of the engagement task for day D: for each head, one model per window of
 * days before D, each evaluated by RCE on D; the best challenger is promoted if it beats the
 * champion re-evaluated on the same day. Re-running a day replaces its models, never duplicates.
 */
public final class DailyRetrainJob {

  public static final String TASK = "engagement";

  private static final Logger LOG = LoggerFactory.getLogger(DailyRetrainJob.class);

  private final SparkSession spark;
  private final DaystreamConfig config;
  private final Lake lake;
  private final ModelRegistry registry;
  private final PromotionLog promotions;

  public DailyRetrainJob(SparkSession spark, DaystreamConfig config) {
    this.spark = spark;
    this.config = config;
    this.lake = new Lake(config.lake());
    this.registry = new ModelRegistry(spark, lake.path(LakeTable.MODEL_REGISTRY));
    this.promotions = new PromotionLog(spark, lake.path(LakeTable.PROMOTIONS));
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
    List<WindowResult> results = new ArrayList<>();
    for (int days : windows) {
      TrainingWindow window = new TrainingWindow(day, days);
      Dataset<Row> training = examples.between(window.firstDay(), window.lastDay()).cache();
      try {
        long trainRows = training.count();
        if (trainRows == 0) {
          throw new IllegalArgumentException("no engagements in the training window " + window);
        }
        LOG.info("training {} over {} ({} rows)", head, window, trainRows);
        PipelineModel model = trainer.fit(training, head);
        String version = ModelVersion.versionId(TASK, head, days, day);
        String path = lake.modelPath(version);
        save(model, path);
        BinaryMetrics metrics = HeadEvaluation.of(model, evaluation, head);
        registry.register(new ModelVersion(version, TASK, head, days, window.firstDay(), window.lastDay(), day,
            trainRows, metrics.rows(), metrics.positives(), metrics.rce(), metrics.prAuc(), metrics.logLoss(),
            path, Instant.now()));
        results.add(new WindowResult(version, head, window, trainRows, metrics));
      } finally {
        training.unpersist();
      }
    }
    WindowResult best = results.stream()
        .max(Comparator.comparingDouble(r -> r.metrics().rce().orElse(Double.NEGATIVE_INFINITY)))
        .orElseThrow();

    Optional<String> previous = promotions.champion(TASK, head);
    Optional<BinaryMetrics> previousMetrics = previous.map(version -> championMetricsOn(version, results, evaluation, head));
    ChampionPolicy.Decision decision = new ChampionPolicy(config.promotion()).decide(
        new ChampionPolicy.Candidate(best.version(), best.metrics().rce()),
        previous.map(version -> new ChampionPolicy.Candidate(version, previousMetrics.get().rce())));
    if (decision.promote()) {
      promotions.append(new PromotionEvent(TASK, head, best.version(), PromotionEvent.Action.PROMOTE, previous,
          decision.reason(), Instant.now()));
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
    ModelVersion champion = registry.find(version).orElseThrow(
        () -> new IllegalStateException("champion " + version + " is missing from the model registry"));
    return HeadEvaluation.of(PipelineModel.load(champion.modelPath()), evaluation, head);
  }

  private static void save(PipelineModel model, String path) {
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the model to " + path, e);
    }
  }
}
