package io.daystream.scoring.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;

import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.history.CandidateExamples;
import io.daystream.scoring.candidates.CandidateContext;
import io.daystream.scoring.champion.ChampionModel;
import io.daystream.scoring.champion.ChampionModels;
import io.daystream.training.model.EngagementModelTrainer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one micro-batch of new tweets: each tweet for every candidate user, featurized as the
 * daily examples are (see {@link CandidateExamples}), with the champion of the moment; then
 * records the scores and refreshes the affected users' top N.
 */
public final class ScoreBatchWriter implements VoidFunction2<Dataset<Row>, Long> {

  private static final Logger LOG = LoggerFactory.getLogger(ScoreBatchWriter.class);

  private final String head;
  private final ChampionModels champions;
  private final Supplier<CandidateContext> candidates;
  private final Supplier<CandidateExamples> examples;
  private final ScoreTables tables;

  /**
   * @param candidates who to score each tweet for, read anew per batch
   * @param examples turns candidate pairs into the model's input; created on the first batch
   */
  public ScoreBatchWriter(String head, ChampionModels champions, Supplier<CandidateContext> candidates,
      Supplier<CandidateExamples> examples, ScoreTables tables) {
    this.head = head;
    this.champions = champions;
    this.candidates = candidates;
    this.examples = examples;
    this.tables = tables;
  }

  @Override
  public void call(Dataset<Row> kafkaRows, Long batchId) {
    Dataset<Row> tweets = kafkaRows
        .select(from_json(col("value").cast("string"), CanonicalSchemas.TWEET_MESSAGE, Map.of()).as("t"))
        .select("t.*")
        // Ingestion quarantines bad messages; the scorer only needs to skip what it cannot score.
        .where(col("tweet_id").isNotNull().and(col("author_id").isNotNull()))
        .dropDuplicates("tweet_id")
        .na().fill("", new String[] {"text"});
    if (tweets.isEmpty()) {
      return;
    }
    Optional<ChampionModel> champion = champions.current();
    if (champion.isEmpty()) {
      LOG.warn("batch {}: no champion for {} yet, {} tweets left unscored", batchId, head, tweets.count());
      return;
    }
    CandidateContext context = candidates.get();
    try {
      Dataset<Row> scores = champion.get().model().transform(examples.get().of(context.pairsFor(tweets)))
          .select(
              col(EngagementColumns.USER_ID),
              col(EngagementColumns.TWEET_ID),
              col(EngagementColumns.AUTHOR_ID),
              lit(head).as("head"),
              EngagementModelTrainer.engagementProbability().as("probability"),
              lit(champion.get().version()).as("model_version"),
              current_timestamp().as("scored_at"))
          .localCheckpoint();
      tables.insertScores(scores);
      tables.updateTopN(scores);
      LOG.info("batch {}: {} scores by {}", batchId, scores.count(), champion.get().version());
    } finally {
      context.release();
    }
  }
}
