package io.daystream.features.text;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.Finisher;
import com.johnsnowlabs.nlp.annotators.Normalizer;
import com.johnsnowlabs.nlp.annotators.StopWordsCleaner;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import io.daystream.core.config.FeatureSettings;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;

/**
 * Text to terms and hashed term frequencies with Spark NLP annotators that need no download:
 * document, tokens, lower-cased words (letters, digits and the {@code $} of a cashtag kept),
 * English stop words removed (Spark's bundled list), then {@code features.text-hash-features}
 * hashed term counts. Reads {@link #INPUT}, adds {@link TextColumns#TERMS} and
 * {@link TextColumns#TERM_FREQUENCIES}; an empty text gives empty terms and a zero vector.
 *
 * <p>Nothing is learnt from data (the tokenizer's fit only compiles its rules), so the fitted
 * model of a version is the same whichever texts it was first fitted on.
 */
public final class TermsPipeline {

  /** The text column the fitted model reads: never null (callers coalesce to ""). */
  public static final String INPUT = "text_input";
  /** Saved models are under {@code featureModelPath(NAME, version())}. */
  public static final String NAME = "text";
  /** Bump whenever a stage or a stage's parameter below changes the terms. */
  static final int STAGES_VERSION = 1;

  private final int hashFeatures;
  private final int minTokenLength;

  public TermsPipeline(FeatureSettings settings) {
    this.hashFeatures = settings.textHashFeatures();
    this.minTokenLength = settings.minTokenLength();
  }

  /** Names the fitted model: changes with the stages, the hash size and the minimum token length. */
  public String version() {
    return "v" + STAGES_VERSION + "-hash" + hashFeatures + "-min" + minTokenLength;
  }

  public Pipeline pipeline() {
    return new Pipeline().setStages(stages());
  }

  /** The stages in order, for measuring them one by one. */
  public PipelineStage[] stages() {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(INPUT);
    document.setOutputCol("terms_document");

    Tokenizer tokenizer = new Tokenizer();
    tokenizer.setInputCols(new String[] {"terms_document"});
    tokenizer.setOutputCol("terms_token");

    Normalizer normalizer = new Normalizer();
    normalizer.setInputCols(new String[] {"terms_token"});
    normalizer.setOutputCol("terms_normalized");
    normalizer.setLowercase(true);
    normalizer.setCleanupPatterns(new String[] {"[^\\p{L}\\p{N}$]"});
    normalizer.setMinLength(minTokenLength);

    StopWordsCleaner stopWords = new StopWordsCleaner();
    stopWords.setInputCols(new String[] {"terms_normalized"});
    stopWords.setOutputCol("terms_clean");
    stopWords.setCaseSensitive(false);

    Finisher finisher = new Finisher();
    finisher.setInputCols(new String[] {"terms_clean"});
    finisher.setOutputCols(new String[] {TextColumns.TERMS});
    finisher.setOutputAsArray(true);
    finisher.setIncludeMetadata(false);
    finisher.setCleanAnnotations(true);

    HashingTF termFrequencies = new HashingTF()
        .setInputCol(TextColumns.TERMS)
        .setOutputCol(TextColumns.TERM_FREQUENCIES)
        .setNumFeatures(hashFeatures);

    return new PipelineStage[] {document, tokenizer, normalizer, stopWords, finisher, termFrequencies};
  }
}
