package io.daystream.evaluation.report;

import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.SkippedWindow;
import io.daystream.evaluation.outcome.WindowResult;
import io.daystream.evaluation.metrics.BinaryMetrics;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The HTML report of one daily run: per head, a table of every window's model on the evaluation
 * day and a bar chart of their RCE beside the oracle's (the best reachable, when known).
 */
public final class RetrainReport {

  private RetrainReport() {}

  public static String fileName(RetrainOutcome outcome) {
    return "retrain-" + outcome.task() + "-" + outcome.evaluationDay() + ".html";
  }

  public static String html(RetrainOutcome outcome) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Daystream retrain ")
        .append(outcome.evaluationDay()).append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right;white-space:nowrap}th{background:#f3f3f3}")
        .append("figcaption{font-size:0.9em;color:#555}")
        .append("td:first-child,th:first-child{text-align:left}.champion{background:#e6f4e6;font-weight:bold}")
        .append("</style></head><body>")
        .append("<h1>Daily retraining for ").append(outcome.evaluationDay()).append("</h1>")
        .append("<p>Each model learned from the days before ").append(outcome.evaluationDay())
        .append(" and was evaluated on that day (").append(outcome.evaluationRows())
        .append(" impressions). RCE as defined by the RecSys Challenge 2020: higher is better, 0 is a constant ")
        .append("prediction of the day's positive rate.</p>");
    for (HeadOutcome head : outcome.heads()) {
      appendHead(html, head);
    }
    return html.append("</body></html>").toString();
  }

  private static void appendHead(StringBuilder html, HeadOutcome head) {
    html.append("<h2>Head: ").append(head.head()).append("</h2>")
        .append("<p>Decision: ").append(head.promoted() ? "promoted " + head.bestChallenger().orElseThrow().version() : "kept")
        .append(" &mdash; ").append(escape(head.decision().reason())).append(". Champion now: <b>")
        .append(head.champion().orElse("none")).append("</b>.</p>");
    html.append("<figure>");
    appendChart(html, head);
    html.append("<figcaption>RCE per training window; green: the champion")
        .append(head.oracle().map(o -> o.rce().isPresent()).orElse(false)
            ? "; dashed red: the oracle (true probabilities)" : "")
        .append(".</figcaption></figure>");
    html.append("<table><tr><th>model</th><th>window</th><th>training days</th><th>train rows</th>")
        .append("<th>eval rows</th><th>positives</th><th>RCE</th><th>PR-AUC</th><th>log loss</th></tr>");
    for (WindowResult result : head.windows()) {
      boolean champion = head.champion().map(result.version()::equals).orElse(false);
      html.append(champion ? "<tr class=\"champion\">" : "<tr>")
          .append("<td>").append(result.version()).append("</td>")
          .append("<td>").append(result.window().days()).append(" d</td>")
          .append("<td>").append(result.window().firstDay()).append(" .. ").append(result.window().lastDay()).append("</td>")
          .append("<td>").append(result.trainRows()).append("</td>");
      appendMetrics(html, result.metrics());
      html.append("</tr>");
    }
    head.previousChampion().ifPresent(version -> {
      if (head.windows().stream().noneMatch(r -> r.version().equals(version))) {
        html.append("<tr><td>").append(version).append(" (previous champion)</td><td></td><td></td><td></td>");
        appendMetrics(html, head.previousChampionMetrics().orElseThrow());
        html.append("</tr>");
      }
    });
    head.oracle().ifPresent(oracle -> {
      html.append("<tr><td>oracle (true probabilities)</td><td></td><td></td><td></td>");
      appendMetrics(html, oracle);
      html.append("</tr>");
    });
    html.append("</table>");
    if (!head.skipped().isEmpty()) {
      html.append("<p>Windows that gave no model:</p><ul>");
      for (SkippedWindow skipped : head.skipped()) {
        html.append("<li>").append(skipped.window().days()).append(" d (").append(skipped.version()).append("): ")
            .append(escape(skipped.reason())).append("</li>");
      }
      html.append("</ul>");
    }
  }

  private static void appendMetrics(StringBuilder html, BinaryMetrics m) {
    html.append("<td>").append(m.rows()).append("</td><td>").append(m.positives()).append("</td>")
        .append("<td>").append(format(m.rce())).append("</td><td>").append(format(m.prAuc())).append("</td>")
        .append("<td>").append(String.format(Locale.ROOT, "%.4f", m.logLoss())).append("</td>");
  }

  /** Bars of RCE per window (an undefined RCE drawn as 0), with the oracle as a dashed line, as an inlined PNG. */
  private static void appendChart(StringBuilder html, HeadOutcome head) {
    List<String> labels = head.windows().stream().map(r -> r.window().days() + "-day").toList();
    List<Double> rces = head.windows().stream().map(r -> r.metrics().rce().orElse(0)).toList();
    int champion = -1;
    for (int i = 0; i < head.windows().size(); i++) {
      if (head.champion().map(head.windows().get(i).version()::equals).orElse(false)) {
        champion = i;
      }
    }
    OptionalDouble oracle = head.oracle().map(BinaryMetrics::rce).orElse(OptionalDouble.empty());
    byte[] png = Charts.windowBars(head.head(), labels, rces, champion, oracle);
    html.append("<img alt=\"RCE per training window\" src=\"data:image/png;base64,")
        .append(java.util.Base64.getEncoder().encodeToString(png)).append("\">");
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "undefined";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
