package io.daystream.scoring.request;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import io.daystream.features.engagement.EngagementColumns;
import io.daystream.ingestion.stream.MessageParser;
import io.daystream.ingestion.validate.FieldContract;
import io.daystream.ingestion.validate.StreamContract;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads a micro-batch of the requests topic as ingestion reads its streams (the same decoder, so
 * no message can fail a batch): the good requests as one row per candidate, the bad ones with
 * the reason and the Kafka coordinates the quarantine keeps.
 */
public final class RequestParser {

  private static final StreamContract CONTRACT = StreamContract.ofMessages(ScoreRequest.MESSAGE);

  private RequestParser() {}

  /** The requests of one batch: candidates to score, and messages to quarantine. */
  public record ParsedRequests(Dataset<Row> candidates, Dataset<Row> rejected) {}

  /**
   * @param kafkaRows raw rows of the Kafka source (key, value, topic, partition, offset, ...)
   * @return {@code candidates}: request_id, engaging_user_id, tweet_id, requested_at, one row per
   *     distinct tweet of a request; a request id repeated within the batch is served once, from
   *     its first message. {@code rejected}: key, value, topic, partition, offset and reason.
   */
  public static ParsedRequests parse(Dataset<Row> kafkaRows) {
    Dataset<Row> parsed = MessageParser.parse(kafkaRows, CONTRACT, ScoreRequest.MESSAGE)
        .withColumn("reason", when(col("reason").isNotNull(), col("reason")).otherwise(requestRuleReason()));
    Dataset<Row> rejected = parsed.where(col("reason").isNotNull())
        .select("key", "value", "topic", "partition", "offset", "reason");
    Dataset<Row> good = parsed.where(col("reason").isNull())
        .withColumn("_first", row_number().over(Window.partitionBy(col("record." + ScoreRequest.REQUEST_ID))
            .orderBy(col("partition"), col("offset"))))
        .where(col("_first").equalTo(1));
    Dataset<Row> candidates = good.select(
        col("record." + ScoreRequest.REQUEST_ID).as(ScoreRequest.REQUEST_ID),
        col("record." + ScoreRequest.USER_ID).as(EngagementColumns.USER_ID),
        explode(array_distinct(col("record." + ScoreRequest.TWEET_IDS))).as(EngagementColumns.TWEET_ID),
        col("record." + ScoreRequest.REQUESTED_AT).as(ScoreRequest.REQUESTED_AT));
    return new ParsedRequests(candidates, rejected);
  }

  /** Rules of a request beyond its fields' types: at least one candidate, each a usable id. */
  private static Column requestRuleReason() {
    Column tweetIds = col("record." + ScoreRequest.TWEET_IDS);
    Column badId = exists(tweetIds, id -> length(id).equalTo(0).or(length(id).gt(FieldContract.MAX_ID_LENGTH)));
    return when(size(tweetIds).equalTo(0), lit(ScoreRequest.TWEET_IDS + " is empty: no candidate to rank"))
        .when(badId, lit(ScoreRequest.TWEET_IDS + " holds an empty id or one longer than "
            + FieldContract.MAX_ID_LENGTH + " characters"));
  }
}
