package io.daystream.training.daily;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.SkippedWindow;
import io.daystream.evaluation.outcome.WindowResult;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.day.DayRange;
import io.daystream.features.day.TrainingWindow;
import io.daystream.training.registry.AliasChange;
import io.daystream.training.registry.ChampionState;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelLineage;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.StagedModel;
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
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily retraining of one task for day D, as a template with injected parts (the shape of
 * Oryx 2's {@code MLUpdate}): for every head, one candidate per training window of days before D
 * ({@link TrainingWindow}) is fitted by the {@link HeadTrainer}, judged on D by the
 * {@link HeadJudge}, and the best is weighed against the champion, re-judged on the same day, by
 * the {@link ChampionPolicy}. A window refused by the {@link WindowGuard} is recorded as skipped.
 *
 * <p>Contracts: every candidate is staged, then registered as a new version, so a re-run adds
 * versions and never touches the files of one that serves. A head's windows are staged and
 * skipped in one registry commit before any is fitted, and registered in one commit once all are
 * fitted and judged, in window order whatever {@code parallelFits}. Champions move only after
 * every head of the run is trained and judged: a run that fails part-way changes no champion.
 */
public final class DailyRetrain {

  /** Who the registry records as moving the champion. */
  public static final String ACTOR = "daily-retrain";

  private static final Logger LOG = LoggerFactory.getLogger(DailyRetrain.class);

  private final RetrainTask task;
  private final HeadTrainer trainer;
  private final HeadJudge judge;
  private final ChampionPolicy policy;
  private final WindowGuard guard;
  private final ModelRegistry registry;
  private final int parallelFits;

  /** A run that fits one window's model at a time. */
  public DailyRetrain(RetrainTask task, HeadTrainer trainer, HeadJudge judge, ChampionPolicy policy,
      WindowGuard guard, ModelRegistry registry) {
    this(task, trainer, judge, policy, guard, registry, 1);
  }

  /**
   * @param parallelFits how many windows' models are fitted and judged at once
   */
  public DailyRetrain(RetrainTask task, HeadTrainer trainer, HeadJudge judge, ChampionPolicy policy,
      WindowGuard guard, ModelRegistry registry, int parallelFits) {
    if (parallelFits < 1) {
      throw new IllegalArgumentException("parallel fits must be at least 1, not " + parallelFits);
    }
    this.parallelFits = parallelFits;
    this.task = task;
    this.trainer = trainer;
    this.judge = judge;
    this.policy = policy;
    this.guard = guard;
    this.registry = registry;
  }

  public String taskName() {
    return task.name();
  }

  /**
   * Trains and judges every head over every window, from one read of the task's examples of
   * [D − longest window, D], then moves the champions the policy chose.
   *
   * @throws NothingToJudgeException when day D holds no examples
   * @throws IllegalArgumentException when a head is unknown, no window is given, or a day of the
   *     range was not materialized
   */
  public RetrainOutcome run(LocalDate day, List<Integer> windows, List<String> heads) {
    return run(day, windows, heads, UUID.randomUUID().toString());
  }

  /** As {@link #run(LocalDate, List, List)}, recording {@code runId} with every version it creates. */
  public RetrainOutcome run(LocalDate day, List<Integer> windows, List<String> heads, String runId) {
    task.requireHeads(heads);
    List<Integer> sortedWindows = List.copyOf(new TreeSet<>(windows));
    if (sortedWindows.isEmpty()) {
      throw new IllegalArgumentException("no training windows given");
    }
    int longest = sortedWindows.get(sortedWindows.size() - 1);
    // One read at one table version, cached: day D and every window are filters of it.
    TaskExamples examples = task.read(new DayRange(day.minusDays(longest), day));
    long evaluationRows = examples.rowsOn(day);
    if (evaluationRows == 0) {
      throw new NothingToJudgeException("no " + task.name() + " examples on the evaluation day " + day
          + ": nothing to train for it or judge on it");
    }
    Dataset<Row> cached = examples.rows().cache();
    try {
      Dataset<Row> evaluation = cached.where(col(examples.dayColumn()).equalTo(Date.valueOf(day)));
      List<Judged> judged = new ArrayList<>();
      for (String head : heads) {
        judged.add(trainHead(day, sortedWindows, head, examples, cached, evaluation, runId));
      }
      List<HeadOutcome> outcomes = new ArrayList<>();
      for (Judged head : judged) {
        outcomes.add(decide(head));
      }
      return new RetrainOutcome(task.name(), day, evaluationRows, outcomes);
    } finally {
      cached.unpersist();
    }
  }

  /** A head's windows trained and judged, its champion read and re-judged, nothing decided yet. */
  private record Judged(String head, List<WindowResult> results, List<SkippedWindow> skipped,
      ChampionState champion, Optional<BinaryMetrics> championMetrics, Optional<BinaryMetrics> oracle) {}

  /** A window of the head with its rows and lineage, and the guard's refusal if it gives no model. */
  private record Window(TrainingWindow window, Dataset<Row> training, ModelLineage lineage,
      Optional<String> refusal) {}

  /** A window that passed the guard, staged, waiting for its model. */
  private record Candidate(TrainingWindow window, Dataset<Row> training, long rows, StagedModel staged) {}

  /** A candidate's model, fitted, saved to its staging folder and judged on day D. */
  private record Fitted(Candidate candidate, Duration trainingTime, BinaryMetrics metrics) {}

  private Judged trainHead(LocalDate day, List<Integer> windows, String head, TaskExamples examples,
      Dataset<Row> cached, Dataset<Row> evaluation, String runId) {
    List<Window> toTrain = new ArrayList<>();
    List<Window> refused = new ArrayList<>();
    for (int days : windows) {
      TrainingWindow window = new TrainingWindow(day, days);
      Dataset<Row> training = cached.where(col(examples.dayColumn())
          .between(Date.valueOf(window.firstDay()), Date.valueOf(window.lastDay())));
      Row counts = training.agg(count("*"), sum(col(task.labelColumn(head)).cast("double"))).first();
      long rows = counts.getLong(0);
      long positives = counts.isNullAt(1) ? 0 : (long) counts.getDouble(1);
      ModelLineage lineage = new ModelLineage(task.name(), head, days, window.firstDay(), window.lastDay(), day,
          examples.tablesRead(), examples.featureSetVersion(), trainer.family(), trainer.parameters(),
          trainer.seed(), rows, positives);
      Optional<String> refusal = guard.refusal(rows, positives);
      (refusal.isPresent() ? refused : toTrain).add(new Window(window, training, lineage, refusal));
    }
    // One commit for the head's new versions, not one per window: a commit costs the same for one
    // row as for a few, and ids are per window, so batching changes none of them.
    ModelRegistry.Staging staging = registry.stageAll(toTrain.stream().map(Window::lineage).toList(),
        refused.stream().map(w -> new ModelRegistry.Skip(w.lineage(), w.refusal().orElseThrow())).toList(), runId);
    List<SkippedWindow> skipped = new ArrayList<>();
    for (int i = 0; i < refused.size(); i++) {
      Window window = refused.get(i);
      String reason = window.refusal().orElseThrow();
      LOG.warn("{} {}: skipped {} ({})", task.name(), head, window.window(), reason);
      skipped.add(new SkippedWindow(staging.skipped().get(i).version(), head, window.window(),
          window.lineage().trainRows(), window.lineage().trainPositives(), reason));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < toTrain.size(); i++) {
      Window window = toTrain.get(i);
      LOG.info("training {} {} over {} ({} rows, {} positives)", task.name(), head, window.window(),
          window.lineage().trainRows(), window.lineage().trainPositives());
      candidates.add(new Candidate(window.window(), window.training(), window.lineage().trainRows(),
          staging.staged().get(i)));
    }
    List<Fitted> fitted = fitAll(candidates, evaluation, head);
    // Registry writes stay on this thread, in window order: only fitting and judging run side by
    // side. One commit registers the head's candidates once every one of them is fitted and judged.
    registry.registerAll(fitted.stream().map(f -> new ModelRegistry.Registration(f.candidate().staged(),
        f.trainingTime(), evaluationOf(f.metrics()))).toList());
    List<WindowResult> results = fitted.stream().map(f -> new WindowResult(f.candidate().staged().version(), head,
        f.candidate().window(), f.candidate().rows(), f.metrics())).toList();
    ChampionState champion = registry.champion(task.name(), head);
    Optional<BinaryMetrics> championMetrics = champion.version()
        .flatMap(version -> championMetricsOn(version, results, evaluation, head));
    return new Judged(head, results, skipped, champion, championMetrics, judge.oracle(evaluation, head));
  }

  /**
   * Fits, saves and judges every candidate, {@code parallelFits} at a time: on small windows a
   * fit is mostly the driver's per-job overhead (an iteration of the solver is a Spark job), which
   * concurrent jobs overlap. The results come back in the candidates' order.
   */
  private List<Fitted> fitAll(List<Candidate> candidates, Dataset<Row> evaluation, String head) {
    if (parallelFits <= 1 || candidates.size() <= 1) {
      return candidates.stream().map(candidate -> fit(candidate, evaluation, head)).toList();
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(parallelFits, candidates.size()));
    try {
      List<java.util.concurrent.Future<Fitted>> futures = new ArrayList<>();
      for (Candidate candidate : candidates) {
        futures.add(pool.submit(() -> fit(candidate, evaluation, head)));
      }
      List<Fitted> fitted = new ArrayList<>();
      for (java.util.concurrent.Future<Fitted> future : futures) {
        fitted.add(future.get());
      }
      return fitted;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting " + task.name() + " " + head, e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("fitting " + task.name() + " " + head + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Fitted fit(Candidate candidate, Dataset<Row> evaluation, String head) {
    long started = System.nanoTime();
    PipelineModel model = trainer.fit(candidate.training(), head);
    Duration trainingTime = Duration.ofNanos(System.nanoTime() - started);
    save(model, candidate.staged().stagingPath());
    return new Fitted(candidate, trainingTime, judge.judge(model, evaluation, head));
  }

  private HeadOutcome decide(Judged head) {
    Optional<WindowResult> best = head.results().stream()
        .max(Comparator.comparingDouble(r -> r.metrics().rce().orElse(Double.NEGATIVE_INFINITY)));
    Optional<String> previous = head.champion().version();
    ChampionPolicy.Decision decision = best
        .map(challenger -> policy.decide(
            new ChampionPolicy.Candidate(challenger.version(), challenger.metrics().rce()),
            previous.map(version -> new ChampionPolicy.Candidate(version,
                head.championMetrics().map(BinaryMetrics::rce).orElse(OptionalDouble.empty())))))
        .orElse(new ChampionPolicy.Decision(false, "every window was skipped: no challenger"));
    if (decision.promote()) {
      // Conditioned on the champion read before training: a concurrent promotion makes this one
      // fail, unapplied.
      registry.moveChampion(head.champion(), best.orElseThrow().version(), AliasChange.Action.PROMOTED, ACTOR,
          decision.reason());
    }
    LOG.info("{} {}: {} ({})", task.name(), head.head(),
        decision.promote() ? "promoted " + best.orElseThrow().version() : "kept champion", decision.reason());
    return new HeadOutcome(head.head(), head.results(), head.skipped(), previous, head.championMetrics(), best,
        decision, decision.promote() ? best.map(WindowResult::version) : previous, head.oracle());
  }

  /**
   * The champion's metrics on today's data: its registered RCE is from its own, older day. Empty
   * when the champion cannot score today's rows (its files are gone, or it was trained on another
   * feature set): the policy then treats its RCE as undefined, and the run goes on.
   */
  private Optional<BinaryMetrics> championMetricsOn(String version, List<WindowResult> today,
      Dataset<Row> evaluation, String head) {
    for (WindowResult result : today) {
      if (result.version().equals(version)) {
        return Optional.of(result.metrics());
      }
    }
    try {
      String path = registry.require(version).requireModelPath();
      return Optional.of(judge.judge(PipelineModel.load(path), evaluation, head));
    } catch (RuntimeException e) {
      LOG.warn("{} {}: champion {} cannot be judged on today's examples: {}", task.name(), head, version,
          e.toString());
      return Optional.empty();
    }
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
