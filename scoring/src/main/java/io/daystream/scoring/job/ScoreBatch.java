package io.daystream.scoring.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import io.daystream.features.engagement.EngagementColumns;
import io.daystream.ingestion.quarantine.Quarantine;
import io.daystream.scoring.candidates.CandidateFeatures;
import io.daystream.scoring.candidates.ProfileSnapshot;
import io.daystream.scoring.champion.ServingModels;
import io.daystream.scoring.champion.ServingSet;
import io.daystream.scoring.rank.HeadScores;
import io.daystream.scoring.rank.TopN;
import io.daystream.scoring.request.RequestParser;
import io.daystream.scoring.request.ScoreRequest;
import io.daystream.scoring.sink.ScoreSinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One micro-batch of requests: bad messages to the quarantine, every candidate of the good ones
 * featurized and scored by the champions of the moment (one set for the whole batch), ranked, and
 * written to the score sinks.
 */
public final class ScoreBatch implements VoidFunction2<Dataset<Row>, Long> {

  private static final Logger LOG = LoggerFactory.getLogger(ScoreBatch.class);

  private final String name;
  private final CandidateFeatures features;
  private final ServingModels serving;
  private final Optional<ServingModels> shadows;
  private final HeadScores heads;
  private final TopN topN;
  private final ScoreSinks sinks;
  private final Quarantine quarantine;
  private final ScoreTotals totals = new ScoreTotals();

  /**
   * @param name the query's name: the writes' transaction id, stable across restarts
   * @param shadows models scored beside the served ones, not ranked
   */
  public ScoreBatch(String name, CandidateFeatures features, ServingModels serving, Optional<ServingModels> shadows,
      HeadScores heads, TopN topN, ScoreSinks sinks, Quarantine quarantine) {
    this.name = name;
    this.features = features;
    this.serving = serving;
    this.shadows = shadows;
    this.heads = heads;
    this.topN = topN;
    this.sinks = sinks;
    this.quarantine = quarantine;
  }

  @Override
  public void call(Dataset<Row> kafkaRows, Long batchId) {
    long started = System.nanoTime();
    RequestParser.ParsedRequests requests = RequestParser.parse(kafkaRows.localCheckpoint());
    Dataset<Row> rejected = requests.rejected().localCheckpoint();
    long rejectedCount = rejected.count();
    if (rejectedCount > 0) {
      quarantine.appendKafkaRejects(rejected, ScoreRequest.STREAM_NAME, name + "/quarantine", batchId);
      LOG.warn("batch {}: {} malformed request(s) quarantined", batchId, rejectedCount);
    }
    Dataset<Row> candidates = requests.candidates().localCheckpoint();
    if (candidates.isEmpty()) {
      if (rejectedCount > 0) {
        totals.add(0, rejectedCount, Map.of());
      }
      return;
    }
    ServingSet models = serving.current();
    ServingSet shadow = shadows.map(ServingModels::current).orElse(new ServingSet(Map.of()));
    Dataset<Row> scored = heads.score(features.of(candidates), models, shadow)
        .select(outputColumns(heads.heads(), batchId))
        .localCheckpoint();
    sinks.write(name, batchId, scored, topN.of(scored));
    long scoredCount = scored.count();
    totals.add(scoredCount, rejectedCount, models.versions());
    LOG.info("batch {}: {} candidates scored by {} in {} ms", batchId, scoredCount, models.versions(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** What this writer has done so far. */
  public ScoreTotals totals() {
    return totals;
  }

  /** The columns of a score row: ids, cold-start flags, history day, probabilities, score, versions. */
  private static Column[] outputColumns(List<String> scoredHeads, long batchId) {
    List<Column> columns = new ArrayList<>(List.of(
        col(ScoreRequest.REQUEST_ID),
        col(EngagementColumns.USER_ID),
        col(EngagementColumns.TWEET_ID),
        col(EngagementColumns.AUTHOR_ID),
        col(ScoreRequest.REQUESTED_AT),
        col(ProfileSnapshot.KNOWN_USER),
        col(CandidateFeatures.KNOWN_TWEET),
        col(CandidateFeatures.HISTORY_DAY)));
    for (String head : scoredHeads) {
      columns.add(col(HeadScores.probability(head)));
    }
    columns.add(col(HeadScores.SCORE));
    columns.add(col(HeadScores.MODEL_VERSIONS));
    for (String head : scoredHeads) {
      columns.add(col(HeadScores.shadowProbability(head)));
    }
    columns.add(col(HeadScores.SHADOW_VERSIONS));
    columns.add(lit(batchId).as("batch_id"));
    columns.add(current_timestamp().as("scored_at"));
    columns.add(to_date(col(ScoreRequest.REQUESTED_AT)).as(ScoreSinks.REQUEST_DATE));
    return columns.toArray(Column[]::new);
  }
}
