package io.daystream.scoring.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;

import io.daystream.features.engagement.EngagementColumns;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The impression context of a candidate as of the end of one day: each user's and author's
 * latest profile counts and whether the user follows the author, from the bronze engagements up
 * to that day. It is the day whose history features the candidates get, so profile and history
 * describe the same moment. Cached: it is rebuilt only for a new day.
 */
public final class ProfileSnapshot {

  /** Whether the user had any impression up to the snapshot's day. */
  public static final String KNOWN_USER = "known_user";

  private final LocalDate day;
  private final Dataset<Row> users;
  private final Dataset<Row> authors;
  private final Dataset<Row> follows;

  private ProfileSnapshot(LocalDate day, Dataset<Row> users, Dataset<Row> authors, Dataset<Row> follows) {
    this.day = day;
    this.users = users;
    this.authors = authors;
    this.follows = follows;
  }

  /** @param engagementsPath the bronze engagements table */
  public static ProfileSnapshot asOf(SparkSession spark, String engagementsPath, LocalDate day) {
    Dataset<Row> engagements = spark.read().format("delta").load(engagementsPath)
        .where(col(EngagementColumns.EVENT_DATE).leq(lit(Date.valueOf(day))));
    Column at = col(EngagementColumns.IMPRESSION_AT);
    Dataset<Row> users = engagements.groupBy(EngagementColumns.USER_ID)
        .agg(max_by(col("user_follower_count"), at).as("user_follower_count"),
            max_by(col("user_following_count"), at).as("user_following_count"),
            max_by(col("user_is_verified"), at).as("user_is_verified"))
        .withColumn(KNOWN_USER, lit(true));
    Dataset<Row> authors = engagements.groupBy(EngagementColumns.AUTHOR_ID)
        .agg(max_by(col("author_follower_count"), at).as("author_follower_count"),
            max_by(col("author_following_count"), at).as("author_following_count"),
            max_by(col("author_is_verified"), at).as("author_is_verified"));
    Dataset<Row> follows = engagements.groupBy(EngagementColumns.USER_ID, EngagementColumns.AUTHOR_ID)
        .agg(max_by(col("user_follows_author"), at).as("user_follows_author"));
    return new ProfileSnapshot(day, users.localCheckpoint(), authors.localCheckpoint(), follows.localCheckpoint());
  }

  public LocalDate day() {
    return day;
  }

  /**
   * {@code candidates} with the context columns of {@link EngagementColumns#CONTEXT_INPUTS} and
   * {@link #KNOWN_USER}; a user or author the snapshot has not seen gets nulls (the model's
   * feature stages read them as 0 and false) and {@code known_user} false.
   *
   * @param candidates rows with engaging_user_id and author_id (null for an unknown tweet)
   */
  public Dataset<Row> attach(Dataset<Row> candidates) {
    return candidates
        .join(users, EngagementColumns.USER_ID, "left")
        .join(authors, EngagementColumns.AUTHOR_ID, "left")
        .join(follows, new String[] {EngagementColumns.USER_ID, EngagementColumns.AUTHOR_ID}, "left")
        .na().fill(false, new String[] {KNOWN_USER});
  }
}
