package io.daystream.features.history;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.features.text.TextColumns;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes hand-made bronze and silver rows into a test lake, in the tables' own layouts. */
final class HistoryLake {

  static final StructType ENGAGEMENTS = CanonicalSchemas.ENGAGEMENT_MESSAGE.add(CanonicalSchemas.EVENT_DATE,
      DataTypes.DateType);
  static final StructType TWEETS = new StructType()
      .add("tweet_id", DataTypes.StringType)
      .add("author_id", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType)
      .add(CanonicalSchemas.EVENT_DATE, DataTypes.DateType);
  /** The silver text contract of {@link TextColumns}, as the text developer's table holds it. */
  static final StructType TWEET_TEXT = new StructType()
      .add("tweet_id", DataTypes.StringType)
      .add(TextColumns.TERMS, DataTypes.createArrayType(DataTypes.StringType))
      .add(TextColumns.TERM_FREQUENCIES, SQLDataTypes.VectorType())
      .add(TextColumns.SENTIMENT, DataTypes.DoubleType)
      .add(TextColumns.EVENT_DATE, DataTypes.DateType);

  static final int HASH_FEATURES = 16;

  private final SparkSession spark;
  private final Lake lake;
  private final List<Row> engagements = new ArrayList<>();
  private final List<Row> tweets = new ArrayList<>();
  private final List<Row> texts = new ArrayList<>();

  HistoryLake(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** A tweet created at {@code createdAt} whose words are the hashed indices {@code words}. */
  HistoryLake tweet(String tweetId, String author, String createdAt, double sentiment, int... words) {
    Instant created = Instant.parse(createdAt);
    Date day = Date.valueOf(created.toString().substring(0, 10));
    tweets.add(RowFactory.create(tweetId, author, Timestamp.from(created), day));
    double[] counts = new double[HASH_FEATURES];
    for (int word : words) {
      counts[word] += 1.0;
    }
    List<String> terms = java.util.Arrays.stream(words).mapToObj(w -> "w" + w).toList();
    texts.add(RowFactory.create(tweetId, terms, Vectors.dense(counts).toSparse(), sentiment, day));
    return this;
  }

  /** An impression; {@code heads} lists the engagements that followed it (like, reply, retweet, quote). */
  HistoryLake impression(String user, String tweetId, String author, String at, String... heads) {
    Instant impression = Instant.parse(at);
    List<String> engaged = List.of(heads);
    Timestamp later = Timestamp.from(impression.plusSeconds(60));
    engagements.add(RowFactory.create(user, tweetId, author, 100L, 10L, false, 50L, 20L, false, true,
        Timestamp.from(impression),
        engaged.contains("like") ? later : null, engaged.contains("reply") ? later : null,
        engaged.contains("retweet") ? later : null, engaged.contains("quote") ? later : null,
        0.1, 0.02, 0.05, 0.01, Date.valueOf(at.substring(0, 10))));
    return this;
  }

  /** Appends what was added since the last write to the tables. */
  void write() {
    append(engagements, ENGAGEMENTS, LakeTable.ENGAGEMENTS);
    append(tweets, TWEETS, LakeTable.TWEETS);
    append(texts, TWEET_TEXT, LakeTable.TWEET_TEXT);
  }

  private void append(List<Row> rows, StructType schema, LakeTable table) {
    if (!rows.isEmpty()) {
      spark.createDataFrame(rows, schema).write().format("delta").mode("append")
          .partitionBy(CanonicalSchemas.EVENT_DATE).save(lake.path(table));
      rows.clear();
    }
  }
}
