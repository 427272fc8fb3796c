package io.daystream.ingestion.backfill;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.news.RedditPostsLoader;
import io.daystream.datasets.load.tweets.TweetsCsvLoader;
import io.daystream.datasets.schema.RecordJson;
import io.daystream.datasets.schema.Tweet;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real public file through the file backfill: real SparkSession, real Delta tables. */
class FileBackfillIT {

  private static final String HEADER =
      "username,to,text,retweets,favorites,replies,id,permalink,author_id,date,formatted_date,hashtags,mentions,geo,urls";

  private static SparkSession spark;

  /** Each test has its own lake; the Spark session is shared. */
  @TempDir
  Path home;

  private DaystreamConfig config;
  private Lake lake;

  @BeforeAll
  static void start(@TempDir Path sparkHome) {
    spark = SparkSessionFactory.getOrCreate(ConfigLoader.defaultsWithHome(sparkHome, "spark.master=local[2]").spark());
  }

  @BeforeEach
  void lake() {
    config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    lake = new Lake(config.lake());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void theElonMuskTweetsLandOnceWithTheirExactCountAndSpan() throws Exception {
    Path file = sharedDatasets().resolve("elon_musk_tweets/tweets.csv");
    FileBackfill backfill = new FileBackfill(spark, config);

    BackfillResult first = backfill.load("tweets-csv", new TweetsCsvLoader(), file, FileBackfillIT::asTweet);
    assertEquals(9_407, first.rows(), "SOURCE.md: 9,407 tweets, all distinct ids");
    assertEquals(0, first.quarantined());
    assertEquals(Optional.of(LocalDate.of(2012, 1, 3)), first.firstDate());
    assertEquals(Optional.of(LocalDate.of(2020, 5, 1)), first.lastDate());

    Row tweet = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
        .where(col("tweet_id").equalTo("164740558374445056")).first();
    assertEquals("44196397", tweet.getAs("author_id"), "ids kept as written, never through a double");

    BackfillResult again = backfill.load("tweets-csv", new TweetsCsvLoader(), file, FileBackfillIT::asTweet);
    assertEquals(0, again.rows(), "loading the same file again writes nothing");
    assertEquals(9_407, spark.read().format("delta").load(lake.path(LakeTable.TWEETS)).count());
  }

  @Test
  void unreadableRowsGoToTheQuarantineWithFileAndLineAndGoodRowsAreCleaned(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("tweets.csv");
    Files.writeString(file, String.join("\n", HEADER,
        "someone,,\"Fish &amp; <b>chips</b>\",1,2,3,900000000000000001,p,77,2019-05-01 10:00:00+00:00,f,,,,",
        "someone,,a broken date,1,2,3,900000000000000002,p,77,yesterday,f,,,,",
        "someone,,plain text,1,2,3,900000000000000003,p,77,2019-05-02 10:00:00+00:00,f,,,,") + "\n");

    BackfillResult result = new FileBackfill(spark, config)
        .load("tweets-csv", new TweetsCsvLoader(), file, FileBackfillIT::asTweet);

    assertEquals(2, result.rows());
    assertEquals(1, result.quarantined());
    List<Row> quarantined = spark.read().format("delta").load(lake.path(LakeTable.QUARANTINE))
        .where(col("file").equalTo(file.toString())).collectAsList();
    assertEquals(1, quarantined.size());
    assertEquals(3L, quarantined.get(0).<Long>getAs("line"), "the physical line of the broken row");
    assertEquals("file", quarantined.get(0).getAs("source"));
    assertTrue(new String(quarantined.get(0).<byte[]>getAs("raw_value")).contains("yesterday"));

    Row cleaned = spark.read().format("delta").load(lake.path(LakeTable.TWEETS))
        .where(col("tweet_id").equalTo("900000000000000001")).first();
    assertEquals("Fish & chips", cleaned.getAs("text"));
    assertEquals("Fish &amp; <b>chips</b>", cleaned.getAs("raw_text"));
  }

  @Test
  void theWallStreetBetsPostsAllLandNegativeScoresIncluded() throws Exception {
    Path file = sharedDatasets().resolve("reddit_wsb_sample/reddit_wsb.csv");

    BackfillResult result = new FileBackfill(spark, config).load("reddit-posts", new RedditPostsLoader(), file,
        post -> List.of(new StagedMessage(IngestedStream.NEWS, RecordJson.of(post))));

    assertEquals(1_892, result.rows(), "SOURCE.md: 1,892 posts, 1,892 distinct ids");
    assertEquals(0, result.quarantined());
    assertEquals(0, result.duplicates());
    Dataset<Row> news = spark.read().format("delta").load(lake.path(LakeTable.NEWS));
    assertEquals(1_892, news.count());
    // SOURCE.md: scores run from -7 (a downvoted post) to 47,887.
    Row span = news.agg(min("score"), max("score")).first();
    assertEquals(-7L, span.<Long>getAs(0));
    assertEquals(47_887L, span.<Long>getAs(1));
    assertEquals(20, news.where(col("score").lt(0)).count(), "the 20 posts once quarantined as 'negative score'");
  }

  @Test
  void aRecordThatFailsValidationIsQuarantinedWithTheLineItStartsOn(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("tweets.csv");
    String tooLong = "x".repeat(config.ingestion().maxTextLength() + 1);
    Files.writeString(file, String.join("\n", HEADER,
        "someone,,\"a text over\ntwo lines\",1,2,3,900000000000000011,p,77,2019-05-01 10:00:00+00:00,f,,,,",
        "someone,,\"" + tooLong + "\",1,2,3,900000000000000012,p,77,2019-05-01 11:00:00+00:00,f,,,,",
        "someone,,fine,1,2,3,900000000000000013,p,77,2019-05-01 12:00:00+00:00,f,,,,") + "\n");

    BackfillResult result = new FileBackfill(spark, config)
        .load("tweets-csv", new TweetsCsvLoader(), file, FileBackfillIT::asTweet);

    assertEquals(2, result.rows());
    assertEquals(1, result.quarantined());
    List<Row> quarantined = spark.read().format("delta").load(lake.path(LakeTable.QUARANTINE)).collectAsList();
    assertEquals(1, quarantined.size());
    Row reject = quarantined.get(0);
    assertEquals(file.toString(), reject.getAs("file"));
    assertEquals(4L, reject.<Long>getAs("line"), "the row after a record over lines 2 and 3");
    assertEquals("tweets", reject.getAs("stream"));
    assertTrue(reject.<String>getAs("reason").startsWith("text longer than"), reject.<String>getAs("reason"));
    assertTrue(new String(reject.<byte[]>getAs("raw_value")).contains("900000000000000012"));
  }

  @Test
  void aGeneratedRecordThatFailsValidationHasNoLine() throws Exception {
    Tweet good = tweet("900000000000000021", "fine");
    Tweet bad = tweet("900000000000000022", "x".repeat(config.ingestion().maxTextLength() + 1));

    BackfillResult result = new FileBackfill(spark, config).load("generated", (records, rejects) -> {
      records.accept(good);
      records.accept(bad);
      return new DatasetLoader.Summary(2, 0, 0);
    }, "generator:test", "generator/test", FileBackfillIT::asTweet);

    assertEquals(1, result.rows());
    Row reject = spark.read().format("delta").load(lake.path(LakeTable.QUARANTINE)).first();
    assertEquals("generator:test", reject.getAs("file"));
    assertNull(reject.getAs("line"));
  }

  private static Tweet tweet(String id, String text) {
    return new Tweet(id, "77", text, null, List.of(), List.of(), List.of(),
        Instant.parse("2019-05-01T10:00:00Z"), null, null, null, null);
  }

  private static List<StagedMessage> asTweet(Tweet tweet) {
    return List.of(new StagedMessage(IngestedStream.TWEETS, RecordJson.of(tweet)));
  }

  private static Path sharedDatasets() {
    Path shared = Path.of(System.getProperty("daystream.shared.datasets", "../../shared/datasets"));
    assertTrue(Files.isDirectory(shared), "the real data sets are expected at " + shared.toAbsolutePath()
        + " (the shared folder beside the repository)");
    return shared;
  }
}
