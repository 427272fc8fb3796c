package io.daystream.scoring.rank;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.daystream.scoring.request.ScoreRequest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The best {@code n} candidates of each request, ranked 1..n by the ranking score, highest
 * first; equal scores are ordered by tweet id, so a replayed batch ranks the same way.
 */
public final class TopN {

  public static final String RANK = "rank";

  private final int n;

  public TopN(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("top N must be at least 1, was " + n);
    }
    this.n = n;
  }

  /** @param scored rows with request_id, tweet_id and score */
  public Dataset<Row> of(Dataset<Row> scored) {
    return scored
        .withColumn(RANK, row_number().over(Window.partitionBy(ScoreRequest.REQUEST_ID)
            .orderBy(col(HeadScores.SCORE).desc(), col("tweet_id").asc())))
        .where(col(RANK).leq(n));
  }
}
