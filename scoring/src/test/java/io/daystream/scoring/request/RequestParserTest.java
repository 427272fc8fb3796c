package io.daystream.scoring.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.spark.SparkSessionFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests as the Kafka source delivers them: good ones become candidates, bad ones get a reason. */
class RequestParserTest {

  @TempDir
  static Path home;

  private static SparkSession spark;

  private static final StructType KAFKA = new StructType()
      .add("key", DataTypes.BinaryType)
      .add("value", DataTypes.BinaryType)
      .add("topic", DataTypes.StringType)
      .add("partition", DataTypes.IntegerType)
      .add("offset", DataTypes.LongType);

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(ConfigLoader.defaultsWithHome(home, "spark.master=local[1]").spark());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aGoodRequestBecomesOneCandidatePerDistinctTweet() {
    Instant at = Instant.parse("2020-03-12T10:00:00Z");
    RequestParser.ParsedRequests parsed = RequestParser.parse(kafka(
        ScoreRequest.json("r1", "u7", List.of("t1", "t2", "t1"), at)));

    List<Row> candidates = parsed.candidates().orderBy("tweet_id").collectAsList();
    assertEquals(List.of("r1/u7/t1", "r1/u7/t2"), candidates.stream()
        .map(r -> r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2)).toList());
    assertEquals(at, candidates.get(0).getTimestamp(3).toInstant());
    assertEquals(0, parsed.rejected().count());
  }

  @Test
  void everyBadRequestIsRejectedWithItsReasonAndTheGoodOnesStay() {
    RequestParser.ParsedRequests parsed = RequestParser.parse(kafka(
        "{\"request_id\": \"r1\"",
        "{\"request_id\": \"r2\", \"user_id\": \"u\", \"requested_at\": \"2020-03-12T10:00:00Z\"}",
        "{\"request_id\": \"r3\", \"user_id\": \"u\", \"tweet_ids\": [], \"requested_at\": \"2020-03-12T10:00:00Z\"}",
        "{\"request_id\": \"r4\", \"user_id\": \"u\", \"tweet_ids\": [\"\"], \"requested_at\": \"2020-03-12T10:00:00Z\"}",
        "{\"request_id\": \"r5\", \"user_id\": \"u\", \"tweet_ids\": [7], \"requested_at\": \"2020-03-12T10:00:00Z\"}",
        "{\"request_id\": \"r6\", \"user_id\": \"u\", \"tweet_ids\": [\"t\"], \"requested_at\": \"noon\"}",
        ScoreRequest.json("r7", "u", List.of("t"), Instant.parse("2020-03-12T10:00:00Z"))));

    List<String> reasons = parsed.rejected().orderBy("offset").collectAsList().stream()
        .map(r -> r.<Long>getAs("offset") + ": " + r.<String>getAs("reason")).toList();
    assertEquals(6, reasons.size(), reasons.toString());
    assertTrue(reasons.get(1).startsWith("1: ") && reasons.get(1).contains("tweet_ids"), reasons.get(1));
    assertTrue(reasons.get(2).contains("tweet_ids is empty"), reasons.get(2));
    assertTrue(reasons.get(3).contains("empty id"), reasons.get(3));
    assertTrue(reasons.get(4).contains("array of strings"), reasons.get(4));
    assertTrue(reasons.get(5).contains("requested_at"), reasons.get(5));
    assertEquals(List.of("r7"), parsed.candidates().select("request_id").collectAsList().stream()
        .map(r -> r.getString(0)).toList());
  }

  @Test
  void aRequestIdRepeatedInABatchIsServedOnceFromItsFirstMessage() {
    Instant at = Instant.parse("2020-03-12T10:00:00Z");
    RequestParser.ParsedRequests parsed = RequestParser.parse(kafka(
        ScoreRequest.json("r1", "u1", List.of("t1"), at),
        ScoreRequest.json("r1", "u2", List.of("t2", "t3"), at)));

    List<Row> candidates = parsed.candidates().collectAsList();
    assertEquals(1, candidates.size());
    assertEquals("u1", candidates.get(0).getString(1));
  }

  private static Dataset<Row> kafka(String... values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create(null, values[i].getBytes(StandardCharsets.UTF_8), "daystream.requests", 0, (long) i));
    }
    return spark.createDataFrame(rows, KAFKA);
  }
}
