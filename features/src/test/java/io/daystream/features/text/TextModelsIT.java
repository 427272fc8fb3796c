package io.daystream.features.text;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.FeatureSettings;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved text and sentiment models: fitted once, reloaded with identical outputs, every row
 * kept, and a sentiment that does better than chance on tweets it never saw.
 */
class TextModelsIT {

  private static final StructType TEXTS = new StructType()
      .add("id", DataTypes.LongType)
      .add("text", DataTypes.StringType);

  @TempDir
  static Path home;

  private static SparkSession spark;
  private static Lake lake;
  private static FeatureSettings settings;

  /** Left running: Spark NLP keeps the first session it sees, so a later class could not use a new one. */
  @BeforeAll
  static void start() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    spark = SparkSessionFactory.getOrCreate(config.spark());
    lake = new Lake(config.lake());
    settings = config.features();
  }

  @Test
  void theSavedModelsReloadAndGiveIdenticalVectorsAndScores() {
    Dataset<Row> texts = realTweets();
    TextFeaturizer first = TextFeaturizer.loadOrFit(spark, lake, settings);
    List<Row> before = featuresOf(first, texts);
    assertTrue(Files.isDirectory(Path.of(lake.featureModelPath(TermsPipeline.NAME, new TermsPipeline(settings).version()))));

    // A second load must find the saved models: a refit would throw here.
    FeatureModelStore store = new FeatureModelStore(spark, lake);
    PipelineModel terms = store.loadOrFit(TermsPipeline.NAME, new TermsPipeline(settings).version(), () -> {
      throw new AssertionError("the text model was fitted again");
    });
    PipelineModel sentiment = store.loadOrFit(SentimentPipeline.NAME,
        new SentimentPipeline(SentimentExamples.shipped()).version(), () -> {
          throw new AssertionError("the sentiment model was trained again");
        });
    List<Row> after = featuresOf(new TextFeaturizer(terms, sentiment), texts);

    assertEquals(before, after);
    long withTerms = before.stream().filter(r -> !r.getList(1).isEmpty()).count();
    assertTrue(withTerms > before.size() * 9 / 10, "most tweets have terms: " + withTerms + " of " + before.size());
    Row some = before.stream().filter(r -> r.getList(1).size() > 3).findFirst().orElseThrow();
    Vector vector = some.getAs(2);
    assertEquals(settings.textHashFeatures(), vector.size());
    assertEquals(some.getList(1).size(), (long) sum(vector), "one count per term");
    for (Row row : before) {
      if (!row.isNullAt(3)) {
        double score = row.getDouble(3);
        assertTrue(score >= -1 && score <= 1, "sentiment in [-1, 1]: " + score);
      }
    }
  }

  @Test
  void anEmptyOrNullTextKeepsItsRowWithNoTerms() {
    Dataset<Row> texts = spark.createDataFrame(List.of(
        RowFactory.create(1L, ""), RowFactory.create(2L, null), RowFactory.create(3L, "   "),
        RowFactory.create(4L, "Stocks RALLY: $AAPL up 5% & the market loves it!")), TEXTS);

    List<Row> rows = featuresOf(TextFeaturizer.loadOrFit(spark, lake, settings), texts);

    assertEquals(4, rows.size());
    for (Row empty : rows.subList(0, 3)) {
      assertEquals(List.of(), empty.getList(1), "no terms for id " + empty.getLong(0));
      assertEquals(0, ((Vector) empty.getAs(2)).numNonzeros());
      assertNull(empty.get(3), "no words, no sentiment");
    }
    assertEquals(List.of("stocks", "rally", "$aapl", "market", "loves"), rows.get(3).getList(1),
        "lower-cased, punctuation and stop words and one-character tokens gone, cashtag kept");
  }

  @Test
  void theSentimentBeatsChanceOnHeldOutTweets() {
    List<SentimentExamples.Example> examples = SentimentExamples.shipped().heldOut().stream()
        .sorted(java.util.Comparator.comparingLong(SentimentExamples.Example::id)).toList();
    List<Row> heldOut = new ArrayList<>();
    for (SentimentExamples.Example example : examples) {
      heldOut.add(RowFactory.create(example.id(), example.text()));
    }
    List<Row> scored = featuresOf(TextFeaturizer.loadOrFit(spark, lake, settings),
        spark.createDataFrame(heldOut, TEXTS));

    int correct = 0;
    long positives = examples.stream().filter(e -> e.label().equals("positive")).count();
    for (int i = 0; i < scored.size(); i++) {
      assertEquals(examples.get(i).id(), scored.get(i).getLong(0));
      Double score = scored.get(i).isNullAt(3) ? null : scored.get(i).getDouble(3);
      String predicted = score == null || score == 0 ? "none" : score > 0 ? "positive" : "negative";
      if (predicted.equals(examples.get(i).label())) {
        correct++;
      }
    }
    double accuracy = (double) correct / scored.size();
    double majority = Math.max(positives, scored.size() - positives) / (double) scored.size();
    System.out.printf("sentiment on %d held-out tweets: accuracy %.3f, majority class %.3f%n",
        scored.size(), accuracy, majority);
    assertTrue(accuracy > majority, "accuracy " + accuracy + " must beat always answering the majority, " + majority);
  }

  @Test
  void anotherHashSizeIsAnotherTextModelVersion() {
    FeatureSettings wider = new FeatureSettings(settings.textHashFeatures() * 2, settings.minTokenLength(),
        settings.engagement(), settings.market());
    FeatureSettings longer = new FeatureSettings(settings.textHashFeatures(), settings.minTokenLength() + 1,
        settings.engagement(), settings.market());
    String version = new TermsPipeline(settings).version();
    assertNotEquals(version, new TermsPipeline(wider).version());
    assertNotEquals(version, new TermsPipeline(longer).version());
  }

  private static Dataset<Row> realTweets() {
    List<Row> rows = new ArrayList<>();
    for (SentimentExamples.Example example : SentimentExamples.shipped().all().subList(0, 200)) {
      rows.add(RowFactory.create(example.id(), example.text()));
    }
    return spark.createDataFrame(rows, TEXTS);
  }

  /** id, terms, text_tf, sentiment, in id order. */
  private static List<Row> featuresOf(TextFeaturizer featurizer, Dataset<Row> texts) {
    return featurizer.featurize(texts, col("text"))
        .select(col("id"), col(TextColumns.TERMS), col(TextColumns.TERM_FREQUENCIES), col(TextColumns.SENTIMENT))
        .orderBy("id").collectAsList();
  }

  private static double sum(Vector vector) {
    double total = 0;
    for (double value : vector.toArray()) {
      total += value;
    }
    return total;
  }
}
