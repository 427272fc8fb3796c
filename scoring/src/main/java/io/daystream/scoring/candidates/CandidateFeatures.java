package io.daystream.scoring.candidates;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.features.engagement.EngagementColumns;
import io.daystream.features.history.CandidateExamples;
import io.daystream.scoring.request.ScoreRequest;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The model input of requested candidates, with the definitions of the training examples: the
 * tweet's text, author and age from the bronze tweets, the impression context and the history
 * features as of the latest materialized day of history (see {@link CandidateExamples}), which
 * is read anew for every batch, so a day the feature job adds serves from the next batch on.
 *
 * <p>A candidate tweet the user wrote is dropped. Cold start: an unknown tweet is scored with an empty text and no author, an unknown user or
 * author with no profile, and every target encoding of a key never seen falls back to its prior.
 */
public final class CandidateFeatures {

  /** Whether the tweet was in the bronze tweets table when it was scored. */
  public static final String KNOWN_TWEET = "known_tweet";
  /** The last day of history the features were computed with. */
  public static final String HISTORY_DAY = "history_day";

  /** The columns {@link #of} reads. */
  public static final StructType CANDIDATE_SCHEMA = new StructType()
      .add(ScoreRequest.REQUEST_ID, DataTypes.StringType)
      .add(EngagementColumns.USER_ID, DataTypes.StringType)
      .add(EngagementColumns.TWEET_ID, DataTypes.StringType)
      .add(ScoreRequest.REQUESTED_AT, DataTypes.TimestampType);

  private final SparkSession spark;
  private final String tweetsPath;
  private final String engagementsPath;
  private final CandidateExamples examples;
  private ProfileSnapshot profiles;

  /**
   * @param tweetsPath the bronze tweets table
   * @param engagementsPath the bronze engagements table
   */
  public CandidateFeatures(SparkSession spark, String tweetsPath, String engagementsPath, CandidateExamples examples) {
    this.spark = spark;
    this.tweetsPath = tweetsPath;
    this.engagementsPath = engagementsPath;
    this.examples = examples;
  }

  /**
   * @param candidates rows of {@link #CANDIDATE_SCHEMA}
   * @return the model's input columns, the candidates' columns, {@code known_user},
   *     {@code known_tweet} and {@code history_day}
   * @throws IllegalStateException when no day of history is materialized yet
   */
  public synchronized Dataset<Row> of(Dataset<Row> candidates) {
    LocalDate day = examples.historyDay();
    if (profiles == null || !profiles.day().equals(day)) {
      profiles = ProfileSnapshot.asOf(spark, engagementsPath, day);
    }
    Dataset<Row> tweets = spark.read().format("delta").load(tweetsPath)
        .select(col(EngagementColumns.TWEET_ID), col(EngagementColumns.AUTHOR_ID),
            col(EngagementColumns.TEXT), col("created_at").as(EngagementColumns.TWEET_CREATED_AT),
            lit(true).as(KNOWN_TWEET));
    Dataset<Row> withTweets = candidates.join(tweets, EngagementColumns.TWEET_ID, "left")
        // Nobody is recommended their own tweet.
        .where(col(EngagementColumns.AUTHOR_ID).isNull()
            .or(col(EngagementColumns.AUTHOR_ID).notEqual(col(EngagementColumns.USER_ID))))
        .withColumn(EngagementColumns.TEXT, coalesce(col(EngagementColumns.TEXT), lit("")))
        .withColumn(KNOWN_TWEET, coalesce(col(KNOWN_TWEET), lit(false)))
        .withColumn(EngagementColumns.IMPRESSION_AT, col(ScoreRequest.REQUESTED_AT));
    return examples.of(profiles.attach(withTweets), day)
        .withColumn(HISTORY_DAY, lit(Date.valueOf(day)));
  }

  /** The schema {@link #of} gives, for checking a model against it before the first batch. */
  public StructType schema() {
    return of(spark.createDataFrame(java.util.List.of(), CANDIDATE_SCHEMA)).schema();
  }
}
