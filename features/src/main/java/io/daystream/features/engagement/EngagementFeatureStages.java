package io.daystream.features.engagement;

import io.daystream.features.history.HistoryColumns;
import io.daystream.features.text.TextColumns;
import io.daystream.features.topic.TopicModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.feature.VectorSizeHint;

/**
 * The model's view of an engagement example, as Pipeline stages ending in one {@code features}
 * vector. Input: rows shaped like {@code gold/engagement_examples} (the daily feature job writes
 * them for training; the scorer builds them for candidates with the same definitions); nothing
 * here refits text or history, it only rescales what the feature tables hold.
 *
 * <p>The classifier is linear in its inputs, so rates enter as logits (a user twice as keen on a
 * topic moves the logit by a constant), heavy-tailed counts as log1p, and a missing recency as an
 * indicator beside a zero.
 */
public final class EngagementFeatureStages {

  public static final String FEATURES = "features";
  static final String TOPIC_INDEX = "f_topic_index";
  static final String TOPIC_VECTOR = "f_topic";

  /** Rates are clipped away from 0 and 1 before the logit: a key with no positives stays finite. */
  private static final double RATE_FLOOR = 1e-4;

  private EngagementFeatureStages() {}

  /**
   * @param textHashFeatures the size of the examples' term vectors ({@code features.text-hash-features})
   * @param withTerms whether the hashed words join the features, or only their topic and sentiment
   */
  public static PipelineStage[] of(int textHashFeatures, boolean withTerms) {
    List<String> numeric = new ArrayList<>();
    String sql = "SELECT *, " + String.join(", ", numericFeatures(numeric)) + " FROM __THIS__";
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(new SQLTransformer().setStatement(sql));
    List<String> inputs = new ArrayList<>();
    if (withTerms) {
      // Declares the term vectors' size, which the assembler needs and Delta does not keep.
      stages.add(new VectorSizeHint().setInputCol(TextColumns.TERM_FREQUENCIES).setSize(textHashFeatures)
          .setHandleInvalid("error"));
      inputs.add(TextColumns.TERM_FREQUENCIES);
    }
    // An unknown topic is its own category (index 0); topics the fit never saw are kept as well.
    stages.add(new OneHotEncoder().setInputCol(TOPIC_INDEX).setOutputCol(TOPIC_VECTOR).setHandleInvalid("keep"));
    inputs.addAll(numeric);
    inputs.add(TOPIC_VECTOR);
    stages.add(new VectorAssembler().setInputCols(inputs.toArray(String[]::new)).setOutputCol(FEATURES)
        .setHandleInvalid("keep"));
    return stages.toArray(PipelineStage[]::new);
  }

  /** SQL expressions of the numeric features; their names are appended to {@code names}. */
  private static List<String> numericFeatures(List<String> names) {
    List<String> expressions = new ArrayList<>();
    add(expressions, names, "f_author_followers", log1p("author_follower_count"));
    add(expressions, names, "f_author_following", log1p("author_following_count"));
    add(expressions, names, "f_author_verified", flag("author_is_verified"));
    add(expressions, names, "f_user_followers", log1p("user_follower_count"));
    add(expressions, names, "f_user_following", log1p("user_following_count"));
    add(expressions, names, "f_user_verified", flag("user_is_verified"));
    add(expressions, names, "f_follows", flag("user_follows_author"));
    // Engagement fades with the tweet's age roughly linearly on the logit scale, over days.
    add(expressions, names, "f_tweet_age_days",
        "greatest(coalesce(" + HistoryColumns.TWEET_AGE_HOURS + ", 0.0), 0.0) / 24.0");
    add(expressions, names, "f_has_text", "CAST(" + TextColumns.SENTIMENT + " IS NOT NULL AS DOUBLE)");
    add(expressions, names, "f_sentiment", "coalesce(" + TextColumns.SENTIMENT + ", 0.0)");
    // The priors are left out: constant within a day, a few training days cannot teach their
    // effect (seen: a retweet model extrapolating from 3 priors went below a constant guess).
    for (String rate : HistoryColumns.encodings()) {
      add(expressions, names, "f_logit_" + rate, logit(rate));
    }
    for (String count : List.of(HistoryColumns.USER_IMPRESSIONS, HistoryColumns.AUTHOR_IMPRESSIONS,
        HistoryColumns.TWEET_IMPRESSIONS, HistoryColumns.USER_AUTHOR_IMPRESSIONS)) {
      add(expressions, names, "f_log_" + count, log1p(count));
    }
    for (String hours : List.of(HistoryColumns.HOURS_SINCE_USER_IMPRESSION,
        HistoryColumns.HOURS_SINCE_USER_ENGAGEMENT)) {
      add(expressions, names, "f_log_" + hours, "log1p(greatest(coalesce(" + hours + ", 0.0), 0.0))");
      add(expressions, names, "f_no_" + hours, "CAST(" + hours + " IS NULL AS DOUBLE)");
    }
    // Not a numeric feature: the one-hot encoder's input (0 = unknown topic).
    expressions.add("CAST(coalesce(" + TopicModel.TOPIC + " + 1, 0) AS DOUBLE) AS " + TOPIC_INDEX);
    return expressions;
  }

  private static void add(List<String> expressions, List<String> names, String name, String expression) {
    expressions.add(expression + " AS " + name);
    names.add(name);
  }

  private static String log1p(String column) {
    return "log1p(greatest(CAST(coalesce(" + column + ", 0) AS DOUBLE), 0.0))";
  }

  private static String flag(String column) {
    return "CAST(coalesce(" + column + ", false) AS DOUBLE)";
  }

  private static String logit(String column) {
    String clipped = String.format(Locale.ROOT, "least(greatest(coalesce(%s, %s), %s), %s)", column, RATE_FLOOR,
        RATE_FLOOR, 1 - RATE_FLOOR);
    return "ln(" + clipped + ") - ln(1.0 - " + clipped + ")";
  }
}
