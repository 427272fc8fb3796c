package io.daystream.scoring.job;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.ScoringSettings;
import io.daystream.core.kafka.KafkaSourceOptions;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.history.CandidateExamples;
import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.scoring.candidates.CandidateFeatures;
import io.daystream.scoring.champion.ServingModels;
import io.daystream.scoring.champion.ServingSet;
import io.daystream.scoring.rank.HeadScores;
import io.daystream.scoring.rank.TopN;
import io.daystream.scoring.sink.ScoreSinks;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.registry.ModelRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the score job from the configuration: the parts a {@link ScoreBatch} is made of,
 * each built here and passed in. Before anything is read from Kafka it checks that the job can
 * serve: a day of history exists, the weighted heads are engagement heads, at least one has a
 * champion, and every champion accepts the scorer's input schema.
 */
public final class ScoreJobs {

  private static final Logger LOG = LoggerFactory.getLogger(ScoreJobs.class);

  private ScoreJobs() {}

  /**
   * @param trigger empty: score what the requests topic holds and stop
   * @throws IllegalStateException when the job cannot serve, with what to run first
   */
  public static ScoreJob create(SparkSession spark, DaystreamConfig config, String bootstrapServers,
      Optional<Duration> trigger) {
    return create(spark, config, bootstrapServers, trigger, ScoreJob.QUERY_NAME, config.kafka().topics().requests());
  }

  /**
   * A score job under another name, reading another requests topic: what a benchmark runs beside
   * the real job on the same lake. The name is the query's, its checkpoint's and its Delta writes'
   * transaction id, so two jobs must never share one: the second would skip every batch id the
   * first had written.
   *
   * @param queryName the query's name, unique per lake
   * @param requestsTopic the topic the requests are read from
   * @throws IllegalStateException when the job cannot serve, with what to run first
   */
  public static ScoreJob create(SparkSession spark, DaystreamConfig config, String bootstrapServers,
      Optional<Duration> trigger, String queryName, String requestsTopic) {
    ScoringSettings settings = config.scoring();
    requireEngagementHeads(settings);
    Lake lake = new Lake(config.lake());
    ModelRegistry registry = new ModelRegistry(spark, lake);
    List<String> heads = new ArrayList<>(settings.headWeights().keySet());
    // Checked before any model is loaded: `daystream run` asks again at every poll until the first promotion.
    if (heads.stream().noneMatch(registry.champions(EngagementTask.NAME)::containsKey)) {
      throw new IllegalStateException("no engagement head of " + heads
          + " has a champion: run `daystream retrain --task engagement --date D` first");
    }
    CandidateFeatures features = new CandidateFeatures(spark, lake.path(LakeTable.TWEETS),
        lake.path(LakeTable.ENGAGEMENTS), new CandidateExamples(spark, lake, config.features()));
    StructType input = features.schema();
    ServingModels serving = ServingModels.champions(registry, EngagementTask.NAME, heads, input,
        ServingModels.savedModels());
    Optional<ServingModels> shadows = settings.scoresShadows()
        ? Optional.of(ServingModels.runnersUp(registry, EngagementTask.NAME, heads, input, ServingModels.savedModels()))
        : Optional.empty();
    ServingSet first = serving.current();
    if (!serving.problems().isEmpty()) {
      throw new IllegalStateException("cannot serve: " + String.join("; ", serving.problems().values()));
    }
    LOG.info("serving {} with weights {}", first.versions(), settings.headWeights());
    Quarantine quarantine = new Quarantine(lake.path(LakeTable.QUARANTINE));
    quarantine.createIfMissing(spark);
    ScoreSinks sinks = new ScoreSinks(lake.path(LakeTable.SCORES), lake.path(LakeTable.TOP_N),
        KafkaSourceOptions.sinkFor(config.kafka(), bootstrapServers, config.kafka().topics().recommendations()));
    ScoreBatch batch = new ScoreBatch(queryName, features, serving, shadows,
        new HeadScores(settings.headWeights()),
        new TopN(settings.topN()), sinks, quarantine);
    return new ScoreJob(spark, queryName, batch, lake.checkpoint(queryName),
        KafkaSourceOptions.forTopic(config.kafka(), bootstrapServers, requestsTopic), trigger);
  }

  private static void requireEngagementHeads(ScoringSettings settings) {
    List<String> unknown = settings.headWeights().keySet().stream()
        .filter(head -> !EngagementTask.HEADS.contains(head)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("daystream.scoring.head-weights names " + unknown
          + ", which are not engagement heads; expected some of " + EngagementTask.HEADS);
    }
  }
}
