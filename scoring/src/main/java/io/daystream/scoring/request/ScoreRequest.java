package io.daystream.scoring.request;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * A message of the requests topic: the candidate tweets of one user, to be ranked. Example:
 * {@code {"request_id": "r1", "user_id": "u7", "tweet_ids": ["t1", "t2"], "requested_at":
 * "2020-03-12T10:00:00Z"}}. Every field is required; {@code tweet_ids} holds 1 to 1,000 ids (a
 * repeated id is scored once); unknown fields are ignored.
 */
public final class ScoreRequest {

  public static final String REQUEST_ID = "request_id";
  public static final String USER_ID = "user_id";
  public static final String TWEET_IDS = "tweet_ids";
  public static final String REQUESTED_AT = "requested_at";

  public static final StructType MESSAGE = new StructType()
      .add(REQUEST_ID, StringType, false)
      .add(USER_ID, StringType, false)
      .add(TWEET_IDS, createArrayType(StringType, false), false)
      .add(REQUESTED_AT, TimestampType, false);

  /** The name of the requests in the quarantine's {@code stream} column. */
  public static final String STREAM_NAME = "requests";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScoreRequest() {}

  /** The JSON message of a request, as a client sends it. */
  public static String json(String requestId, String userId, List<String> tweetIds, Instant requestedAt) {
    ObjectNode message = JSON.createObjectNode().put(REQUEST_ID, requestId).put(USER_ID, userId);
    tweetIds.forEach(message.putArray(TWEET_IDS)::add);
    return message.put(REQUESTED_AT, requestedAt.toString()).toString();
  }
}
