package io.daystream.scoring.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.spark.SparkSessionFactory;
import java.nio.file.Path;
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

/** The top N of each request: order, ties, size. */
class RankingTest {

  @TempDir
  static Path home;

  private static SparkSession spark;

  private static final StructType SCORED = new StructType()
      .add("request_id", DataTypes.StringType)
      .add("tweet_id", DataTypes.StringType)
      .add("score", DataTypes.DoubleType);

  @BeforeAll
  static void start() {
    spark = SparkSessionFactory.getOrCreate(ConfigLoader.defaultsWithHome(home, "spark.master=local[1]").spark());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void eachRequestKeepsItsBestNHighestFirstAndTiesGoByTweetId() {
    Dataset<Row> scored = spark.createDataFrame(List.of(
        RowFactory.create("r1", "t3", 0.5),
        RowFactory.create("r1", "t1", 0.9),
        RowFactory.create("r1", "t4", 0.5),
        RowFactory.create("r1", "t2", 0.5),
        RowFactory.create("r1", "t5", 0.1),
        RowFactory.create("r2", "t9", 0.2)), SCORED);

    List<Row> top = new TopN(3).of(scored).orderBy("request_id", "rank").collectAsList();

    assertEquals(List.of("r1:1:t1", "r1:2:t2", "r1:3:t3", "r2:1:t9"), top.stream()
        .map(r -> r.getString(0) + ":" + r.<Integer>getAs("rank") + ":" + r.getString(1)).toList());
  }

  @Test
  void topNMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new TopN(0));
  }
}
