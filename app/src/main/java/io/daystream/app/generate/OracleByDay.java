package io.daystream.app.generate;

import io.daystream.datasets.schema.Engagement;
import io.daystream.datasets.schema.EngagementProbabilities;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PredictionHistogram;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The best reachable metrics of each generated day, per engagement head: the oracle's (the true
 * probabilities against the outcomes drawn from them) and, when given, the best past-only
 * forecast's (what the exact world of the day before predicts; the bound of any model trained on
 * earlier days).
 */
public final class OracleByDay {

  /** The engagement heads, with how to read an outcome and its true probability. */
  private static final Map<String, Head> HEADS = new LinkedHashMap<>();

  static {
    HEADS.put("like", new Head(Engagement::likeAt, EngagementProbabilities::like));
    HEADS.put("reply", new Head(Engagement::replyAt, EngagementProbabilities::reply));
    HEADS.put("retweet", new Head(Engagement::retweetAt, EngagementProbabilities::retweet));
    HEADS.put("quote", new Head(Engagement::quoteAt, EngagementProbabilities::quote));
  }

  private record Head(Function<Engagement, Instant> outcome, Function<EngagementProbabilities, Double> truth) {}

  private final Map<LocalDate, Map<String, PredictionHistogram.Builder>> oracle = new TreeMap<>();
  private final Map<LocalDate, Map<String, PredictionHistogram.Builder>> forecast = new TreeMap<>();

  /** Counts an impression for the oracle; real data, which carries no truth, is left out. */
  public void add(Engagement engagement) {
    if (engagement.trueProbabilities() != null) {
      addTo(oracle, engagement, engagement.trueProbabilities());
    }
  }

  /** Counts an impression for the oracle and, when {@code pastOnly} is given, for the forecast. */
  public void add(Engagement engagement, EngagementProbabilities pastOnly) {
    add(engagement);
    if (pastOnly != null) {
      addTo(forecast, engagement, pastOnly);
    }
  }

  public static List<String> heads() {
    return List.copyOf(HEADS.keySet());
  }

  /** The oracle's metrics: day, then head, then metrics. */
  public Map<LocalDate, Map<String, BinaryMetrics>> metrics() {
    return metricsOf(oracle);
  }

  /** The past-only forecast's metrics, shaped as {@link #metrics()}; empty when none was added. */
  public Map<LocalDate, Map<String, BinaryMetrics>> forecastMetrics() {
    return metricsOf(forecast);
  }

  private static void addTo(Map<LocalDate, Map<String, PredictionHistogram.Builder>> days, Engagement engagement,
      EngagementProbabilities predicted) {
    Map<String, PredictionHistogram.Builder> day = days.computeIfAbsent(engagement.eventDate(), d -> {
      Map<String, PredictionHistogram.Builder> builders = new LinkedHashMap<>();
      HEADS.keySet().forEach(head -> builders.put(head, PredictionHistogram.builder()));
      return builders;
    });
    HEADS.forEach((name, head) -> day.get(name).add(head.truth().apply(predicted),
        head.outcome().apply(engagement) == null ? 0 : 1));
  }

  private static Map<LocalDate, Map<String, BinaryMetrics>> metricsOf(
      Map<LocalDate, Map<String, PredictionHistogram.Builder>> days) {
    Map<LocalDate, Map<String, BinaryMetrics>> result = new TreeMap<>();
    days.forEach((day, builders) -> {
      Map<String, BinaryMetrics> byHead = new LinkedHashMap<>();
      builders.forEach((head, builder) -> byHead.put(head, BinaryMetrics.of(builder.build())));
      result.put(day, byHead);
    });
    return result;
  }
}
