package io.daystream.bench.text;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.Finisher;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.Stemmer;
import com.johnsnowlabs.nlp.annotators.StopWordsCleaner;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import io.daystream.core.config.FeatureSettings;
import io.daystream.features.text.TermsPipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;

/** One way to turn the benchmark texts (column {@link TermsPipeline#INPUT}) into terms and vectors. */
public record TextVariant(String name, String description, Pipeline pipeline) {

  /** The Spark ML baseline the issue compares against. */
  public static final String BASELINE = "spark-ml-baseline";
  /** The stages Daystream stores text with ({@link TermsPipeline}). */
  public static final String DAYSTREAM = "spark-nlp-daystream";

  /** The baseline, Daystream's pipeline, a naive Spark NLP pipeline with a stemmer, and Daystream's stages as growing prefixes. */
  public static List<TextVariant> all(FeatureSettings settings) {
    List<TextVariant> variants = new ArrayList<>();
    variants.add(baseline(settings));
    variants.add(new TextVariant(DAYSTREAM, "Daystream's TermsPipeline: DocumentAssembler, Tokenizer, Normalizer "
        + "(lower case, one cleanup pattern, min length), StopWordsCleaner, Finisher, HashingTF",
        new TermsPipeline(settings).pipeline()));
    variants.add(naive(settings));
    variants.add(lean(settings));
    PipelineStage[] stages = new TermsPipeline(settings).stages();
    String[] names = {"DocumentAssembler", "Tokenizer", "Normalizer", "StopWordsCleaner", "Finisher"};
    for (int n = 1; n <= names.length; n++) {
      variants.add(new TextVariant("prefix-" + n + "-" + names[n - 1],
          "Daystream's first " + n + " stage(s), up to " + names[n - 1] + " (for the cost of each stage)",
          new Pipeline().setStages(Arrays.copyOf(stages, n))));
    }
    return variants;
  }

  private static TextVariant baseline(FeatureSettings settings) {
    RegexTokenizer tokenizer = new RegexTokenizer().setInputCol(TermsPipeline.INPUT).setOutputCol("tokens")
        .setPattern("[^\\p{L}\\p{N}$]+").setToLowercase(true).setMinTokenLength(settings.minTokenLength());
    StopWordsRemover stopWords = new StopWordsRemover().setInputCol("tokens").setOutputCol("terms");
    HashingTF tf = new HashingTF().setInputCol("terms").setOutputCol("text_tf").setNumFeatures(settings.textHashFeatures());
    return new TextVariant(BASELINE, "Spark ML RegexTokenizer (split on non letters/digits/$, lower case, min length), "
        + "StopWordsRemover (English), HashingTF", new Pipeline().setStages(new PipelineStage[] {tokenizer, stopWords, tf}));
  }

  /** Spark NLP's RegexTokenizer (split, lower case, min length in one annotator) in place of Tokenizer + Normalizer. */
  private static TextVariant lean(FeatureSettings settings) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(TermsPipeline.INPUT);
    document.setOutputCol("document");
    com.johnsnowlabs.nlp.annotators.RegexTokenizer tokenizer = new com.johnsnowlabs.nlp.annotators.RegexTokenizer();
    tokenizer.setInputCols(new String[] {"document"});
    tokenizer.setOutputCol("token");
    tokenizer.setPattern("[^\\p{L}\\p{N}$]+");
    tokenizer.setToLowercase(true);
    tokenizer.setMinLength(settings.minTokenLength());
    StopWordsCleaner stopWords = new StopWordsCleaner();
    stopWords.setInputCols(new String[] {"token"});
    stopWords.setOutputCol("clean");
    stopWords.setCaseSensitive(false);
    Finisher finisher = new Finisher();
    finisher.setInputCols(new String[] {"clean"});
    finisher.setOutputCols(new String[] {"terms"});
    finisher.setOutputAsArray(true);
    finisher.setIncludeMetadata(false);
    HashingTF tf = new HashingTF().setInputCol("terms").setOutputCol("text_tf").setNumFeatures(settings.textHashFeatures());
    return new TextVariant("spark-nlp-regex-tokenizer", "DocumentAssembler, Spark NLP RegexTokenizer (split on non "
        + "letters/digits/$, lower case, min length), StopWordsCleaner, Finisher, HashingTF",
        new Pipeline().setStages(new PipelineStage[] {document, tokenizer, stopWords, finisher, tf}));
  }

  /** Default Spark NLP stages plus a Stemmer: what the naive pipeline measured at 0.1×. */
  private static TextVariant naive(FeatureSettings settings) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(TermsPipeline.INPUT);
    document.setOutputCol("document");
    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"document"});
    tokenizer.setOutputCol("token");
    Normalizer normalizer = new Normalizer();
    normalizer.setInputCols(new String[] {"token"});
    normalizer.setOutputCol("normalized");
    normalizer.setLowercase(true);
    StopWordsCleaner stopWords = new StopWordsCleaner();
    stopWords.setInputCols(new String[] {"normalized"});
    stopWords.setOutputCol("clean");
    Stemmer stemmer = new Stemmer();
    stemmer.setInputCols(new String[] {"clean"});
    stemmer.setOutputCol("stem");
    Finisher finisher = new Finisher();
    finisher.setInputCols(new String[] {"stem"});
    finisher.setOutputCols(new String[] {"terms"});
    finisher.setOutputAsArray(true);
    finisher.setIncludeMetadata(false);
    HashingTF tf = new HashingTF().setInputCol("terms").setOutputCol("text_tf").setNumFeatures(settings.textHashFeatures());
    return new TextVariant("spark-nlp-with-stemmer", "Spark NLP defaults: DocumentAssembler, Tokenizer, Normalizer, "
        + "StopWordsCleaner, Stemmer, Finisher, HashingTF",
        new Pipeline().setStages(new PipelineStage[] {document, tokenizer, normalizer, stopWords, stemmer, finisher, tf}));
  }
}
