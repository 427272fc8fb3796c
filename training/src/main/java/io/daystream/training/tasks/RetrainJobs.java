package io.daystream.training.tasks;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.TrainingSettings;
import io.daystream.core.lake.Lake;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.training.daily.DailyRetrain;
import io.daystream.training.daily.HeadJudge;
import io.daystream.training.daily.HeadTrainer;
import io.daystream.training.daily.RetrainBackfill;
import io.daystream.training.daily.RetrainRunLog;
import io.daystream.training.daily.RetrainTask;
import io.daystream.training.daily.WindowGuard;
import io.daystream.training.engagement.EngagementJudge;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.market.MarketJudge;
import io.daystream.training.market.MarketModelTrainer;
import io.daystream.training.market.MarketTask;
import io.daystream.training.model.EngagementModelTrainer;
import io.daystream.training.registry.ModelRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Assembles the daily retraining of a task from the configuration: its examples, the trainer of
 * the chosen model family, its judge, the promotion policy, the guard and the registry. The
 * commands and the demo build their runs here, so they run the same job.
 */
public final class RetrainJobs {

  /** The tasks the daily job can retrain. */
  public static final List<String> TASKS = List.of(EngagementTask.NAME, MarketTask.NAME);

  private RetrainJobs() {}

  /**
   * @param modelFamily {@code lr} or {@code gbt}
   * @throws IllegalArgumentException when the task or the family is unknown
   */
  public static RetrainBackfill backfill(String task, String modelFamily, SparkSession spark, DaystreamConfig config) {
    Lake lake = new Lake(config.lake());
    HeadTrainer trainer = trainer(task, modelFamily, config);
    return new RetrainBackfill(daily(task, trainer, spark, config), new RetrainRunLog(spark, lake, Clock.systemUTC()),
        trainer);
  }

  /** One day's run of the task with the configured model family. */
  public static DailyRetrain daily(String task, SparkSession spark, DaystreamConfig config) {
    return daily(task, trainer(task, config.training().model(), config), spark, config);
  }

  /** Where a task's examples are, and its heads. */
  public static RetrainTask task(String task, SparkSession spark, Lake lake) {
    requireTask(task);
    return isMarket(task) ? new MarketTask(spark, lake) : new EngagementTask(spark, lake);
  }

  /** How a task's models are judged. */
  public static HeadJudge judge(String task) {
    requireTask(task);
    return isMarket(task) ? new MarketJudge() : new EngagementJudge();
  }

  /** The heads of a task. */
  public static List<String> heads(String task) {
    requireTask(task);
    return isMarket(task) ? MarketTask.HEADS : EngagementTask.HEADS;
  }

  /**
   * The heads a run trains when none are asked for: {@code training.heads} for engagement (whose
   * heads it lists), every head for the market.
   */
  public static List<String> defaultHeads(String task, DaystreamConfig config) {
    requireTask(task);
    return isMarket(task) ? MarketTask.HEADS : config.training().heads();
  }

  private static DailyRetrain daily(String task, HeadTrainer trainer, SparkSession spark, DaystreamConfig config) {
    requireTask(task);
    Lake lake = new Lake(config.lake());
    TrainingSettings training = config.training();
    return new DailyRetrain(task(task, spark, lake), trainer, judge(task),
        new ChampionPolicy(config.promotion()), new WindowGuard(training.minRows(), training.minPositives()),
        new ModelRegistry(spark, lake), training.parallelFits());
  }

  private static HeadTrainer trainer(String task, String modelFamily, DaystreamConfig config) {
    requireTask(task);
    return isMarket(task)
        ? new MarketModelTrainer(config.features().market(), config.training(), modelFamily)
        : new EngagementModelTrainer(config.features(), config.training(), modelFamily);
  }

  private static boolean isMarket(String task) {
    return task.equals(MarketTask.NAME);
  }

  private static void requireTask(String task) {
    if (!TASKS.contains(task)) {
      throw new IllegalArgumentException("unknown task '" + task + "': the daily job retrains " + TASKS);
    }
  }
}
