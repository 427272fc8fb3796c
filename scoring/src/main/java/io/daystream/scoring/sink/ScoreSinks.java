package io.daystream.scoring.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.daystream.features.engagement.EngagementColumns;
import io.daystream.scoring.rank.HeadScores;
import io.daystream.scoring.rank.TopN;
import io.daystream.scoring.request.ScoreRequest;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a scored micro-batch goes: every scored candidate to the Delta {@code scores} table, each
 * request's top N to the Delta {@code top_n} table, and each request's ranked list as one JSON
 * message, keyed by request id, to the recommendations topic.
 *
 * <p>The Delta appends carry the query's name and the batch id as Delta's idempotent-write
 * transaction ({@code txnAppId}, {@code txnVersion}): a batch replayed after a crash is not
 * written twice. Kafka has no such guarantee here: a replayed batch sends its recommendations
 * again (at least once), with the same key and content, so a consumer keeps the last per key.
 */
public final class ScoreSinks {

  /** The UTC day of {@code requested_at}: the partition column of both tables. */
  public static final String REQUEST_DATE = "request_date";

  private final String scoresPath;
  private final String topNPath;
  private final Map<String, String> kafkaOptions;

  /**
   * @param kafkaOptions the Kafka sink's options: servers, client properties and {@code topic}
   */
  public ScoreSinks(String scoresPath, String topNPath, Map<String, String> kafkaOptions) {
    this.scoresPath = scoresPath;
    this.topNPath = topNPath;
    this.kafkaOptions = Map.copyOf(kafkaOptions);
  }

  /**
   * @param transaction the writer's name, stable across restarts
   * @param scored every scored candidate of the batch, materialized
   * @param best the top N rows of {@code scored}, with {@code rank}
   */
  public void write(String transaction, long batchId, Dataset<Row> scored, Dataset<Row> best) {
    append(scored, scoresPath, scoresTransaction(transaction), batchId);
    append(best, topNPath, transaction + "/top_n", batchId);
    best.groupBy(ScoreRequest.REQUEST_ID)
        .agg(first(EngagementColumns.USER_ID).as(ScoreRequest.USER_ID),
            first(ScoreRequest.REQUESTED_AT).as(ScoreRequest.REQUESTED_AT),
            first(HeadScores.MODEL_VERSIONS).as(HeadScores.MODEL_VERSIONS),
            sort_array(collect_list(struct(col(TopN.RANK), col(EngagementColumns.TWEET_ID), col(HeadScores.SCORE))))
                .as("tweets"))
        .select(col(ScoreRequest.REQUEST_ID).as("key"), to_json(struct(col(ScoreRequest.REQUEST_ID),
            col(ScoreRequest.USER_ID), col(ScoreRequest.REQUESTED_AT), col(HeadScores.MODEL_VERSIONS), col("tweets")))
            .as("value"))
        .write()
        .format("kafka")
        .options(kafkaOptions)
        .save();
  }

  /** The Delta transaction id ({@code txnAppId}) of a writer's appends to the scores table. */
  public static String scoresTransaction(String transaction) {
    return transaction + "/scores";
  }

  private static void append(Dataset<Row> rows, String path, String txnAppId, long batchId) {
    rows.write()
        .format("delta")
        .mode("append")
        .partitionBy(REQUEST_DATE)
        .option("txnAppId", txnAppId)
        .option("txnVersion", batchId)
        .save(path);
  }
}
