package io.daystream.app.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.map_values;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.DemoSettings;
import io.daystream.core.kafka.KafkaEndpoint;
import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.replay.SyntheticStreamProducer;
import io.daystream.datasets.replay.TopicProducer;
import io.daystream.datasets.schema.Tweet;
import io.daystream.datasets.synthetic.EngagementSimulator;
import io.daystream.datasets.synthetic.SimulationSettings;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.report.ReportFiles;
import io.daystream.evaluation.report.RetrainReport;
import io.daystream.features.day.DayRange;
import io.daystream.features.job.DailyFeatureJob;
import io.daystream.features.job.FeatureTasks;
import io.daystream.ingestion.job.IngestionJob;
import io.daystream.ingestion.stream.IngestedStream;
import io.daystream.scoring.job.ScoreJob;
import io.daystream.scoring.job.ScoreJobs;
import io.daystream.scoring.request.ScoreRequest;
import io.daystream.training.daily.RetrainBackfill;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.tasks.RetrainJobs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole loop on synthetic data: simulate days, produce them onto Kafka, ingest into Delta,
 * materialize the engagement features of every day, retrain the like head over the demo's windows,
 * evaluate on the last day, promote the best; then produce the next day's first tweets, and one
 * request per user to rank them, and run the score job on those requests until idle.
 */
public final class DemoPipeline {

  /** The head the demo trains and serves. */
  public static final String HEAD = "like";

  private static final Logger LOG = LoggerFactory.getLogger(DemoPipeline.class);

  private final DaystreamRuntime runtime;

  public DemoPipeline(DaystreamRuntime runtime) {
    this.runtime = runtime;
  }

  public DemoSummary run() {
    DaystreamConfig config = runtime.config();
    DemoSettings demo = config.demo();
    KafkaEndpoint kafka = runtime.kafka(); // first: an unreachable cluster fails before Spark starts
    SparkSession spark = runtime.spark();
    Lake lake = new Lake(config.lake());
    String tweetsTopic = config.kafka().topics().tweets();
    String engagementsTopic = config.kafka().topics().engagements();
    String requestsTopic = config.kafka().topics().requests();
    kafka.ensureTopics(List.of(tweetsTopic, engagementsTopic, requestsTopic,
        config.kafka().topics().recommendations()));

    // One day more than the demo's: its tweets are the "new" ones the scorer sees.
    EngagementSimulator simulator = new EngagementSimulator(new SimulationSettings(demo.seed(), demo.startDate(),
        demo.days() + 1, demo.users(), demo.authors(), demo.topics(), demo.tweetsPerDay(), demo.impressionsPerDay(),
        demo.driftRate()));
    LocalDate evaluationDay = demo.startDate().plusDays(demo.days() - 1L);

    try (TopicProducer producer = new TopicProducer(kafka.bootstrapServers(), config.kafka().clientProperties())) {
      SyntheticStreamProducer streams = new SyntheticStreamProducer(simulator, producer, tweetsTopic, engagementsTopic);
      long expectedEngagements = (long) demo.days() * demo.impressionsPerDay();
      if (kafka.messageCount(engagementsTopic) >= expectedEngagements) {
        // A re-run on the same home: the history is on Kafka already and its checkpoints are past it.
        LOG.info("topics already hold the {} demo days; not producing them again", demo.days());
      } else {
        SyntheticStreamProducer.Sent sent = streams.produceDays(0, demo.days() - 1);
        LOG.info("produced {} tweets and {} engagements for {} .. {}", sent.tweets(), sent.engagements(),
            demo.startDate(), evaluationDay);
      }

      ingestUntilIdle(spark, config, kafka, List.of(IngestedStream.TWEETS, IngestedStream.ENGAGEMENTS));

      // The same jobs as `daystream features` and `daystream retrain --force` for the last day.
      FeatureTasks.of(EngagementTask.NAME, spark, lake, config)
          .run(new DailyFeatureJob(spark, lake), new DayRange(demo.startDate(), evaluationDay));
      RetrainOutcome outcome = RetrainJobs.backfill(EngagementTask.NAME, config.training().model(), spark, config)
          .run(DayRange.of(evaluationDay), demo.windows(), List.of(HEAD), true, RetrainBackfill.Progress.NONE)
          .get(0).outcome().orElseThrow();
      String report = ReportFiles.write(spark.sparkContext().hadoopConfiguration(), lake.reportsRoot(),
          RetrainReport.fileName(outcome), RetrainReport.html(outcome));

      List<String> newTweetIds = simulator.tweets(demo.days()).stream().limit(demo.newTweets())
          .map(Tweet::tweetId).toList();
      if (kafka.messageCount(requestsTopic) == 0) {
        streams.produceTweetsOnly(demo.days(), demo.newTweets());
        ingestUntilIdle(spark, config, kafka, List.of(IngestedStream.TWEETS));
        // The same job as `daystream score --until-idle`, on one request per user at noon of the new day.
        Instant noon = demo.startDate().plusDays(demo.days()).atTime(12, 0).toInstant(ZoneOffset.UTC);
        for (String user : simulator.userIds()) {
          producer.send(requestsTopic, user, ScoreRequest.json("demo-" + user, user, newTweetIds, noon));
        }
        producer.flush();
      } else {
        LOG.info("the requests topic holds the demo's requests already; not producing them again");
      }
      try (ScoreJob scoring = ScoreJobs.create(spark, config, kafka.bootstrapServers(), Optional.empty())) {
        scoring.start();
        scoring.awaitTermination();
      }
      return new DemoSummary(outcome, report, count(spark, lake, LakeTable.TWEETS),
          count(spark, lake, LakeTable.ENGAGEMENTS), countOrZero(spark, lake, LakeTable.QUARANTINE),
          scoresOf(spark, lake, newTweetIds), lake.path(LakeTable.TOP_N));
    }
  }

  private static void ingestUntilIdle(SparkSession spark, DaystreamConfig config, KafkaEndpoint kafka,
      List<IngestedStream> streams) {
    try (IngestionJob ingestion = new IngestionJob(spark, config, kafka.bootstrapServers(), streams, Optional.empty())) {
      ingestion.start();
      ingestion.awaitTermination();
    }
  }

  private static long count(SparkSession spark, Lake lake, LakeTable table) {
    return spark.read().format("delta").load(lake.path(table)).count();
  }

  private static long countOrZero(SparkSession spark, Lake lake, LakeTable table) {
    return DeltaTables.exists(spark, lake.path(table)) ? count(spark, lake, table) : 0;
  }

  private static DemoSummary.Scoring scoresOf(SparkSession spark, Lake lake, List<String> tweetIds) {
    if (!DeltaTables.exists(spark, lake.path(LakeTable.SCORES))) {
      return new DemoSummary.Scoring(0, 0, 0, List.of());
    }
    Dataset<Row> scores = spark.read().format("delta").load(lake.path(LakeTable.SCORES))
        .where(col("tweet_id").isin(tweetIds.toArray()));
    Row totals = scores.agg(
        org.apache.spark.sql.functions.count("*"),
        org.apache.spark.sql.functions.countDistinct(col("request_id")),
        org.apache.spark.sql.functions.countDistinct(col("tweet_id"))).first();
    List<String> versions = scores.select(explode(map_values(col("model_versions")))).distinct().orderBy("col")
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    return new DemoSummary.Scoring(totals.getLong(0), totals.getLong(1), totals.getLong(2), versions);
  }
}
