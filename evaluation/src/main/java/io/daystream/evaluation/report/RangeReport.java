package io.daystream.evaluation.report;

import io.daystream.evaluation.outcome.LiveMetric;
import io.daystream.evaluation.report.HeadFigures.AgeValue;
import io.daystream.evaluation.report.HeadFigures.ChampionStep;
import io.daystream.evaluation.report.HeadFigures.DayValue;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report of a range of days, as a self-contained HTML page (charts inlined as PNG), a CSV of
 * every RCE per day and series, and Markdown tables: per head, the RCE of each window over time
 * with the oracle where known, the champion timeline, the staleness curve when measured, and the
 * serving champion's calibration on the last day.
 */
public final class RangeReport {

  private RangeReport() {}

  /** The base name of the report's files. */
  public static String baseName(String task, LocalDate from, LocalDate to) {
    return from.equals(to) ? "report-" + task + "-" + from : "report-" + task + "-" + from + "-" + to;
  }

  public static String html(String task, LocalDate from, LocalDate to, List<HeadFigures> heads) {
    return html(task, from, to, heads, List.of());
  }

  /** @param live the served models' whole-day live metrics in the range, of any head */
  public static String html(String task, LocalDate from, LocalDate to, List<HeadFigures> heads, List<LiveMetric> live) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Daystream ")
        .append(escape(task)).append(' ').append(from).append(" .. ").append(to).append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f3f3f3}")
        .append("td:first-child,th:first-child{text-align:left}img{display:block;margin:1em 0}</style></head><body>")
        .append("<h1>Daystream: ").append(escape(task)).append(", evaluation days ").append(from).append(" .. ")
        .append(to).append("</h1><p>RCE as defined by the RecSys Challenge 2020: higher is better, 0 is a constant ")
        .append("prediction of the day's positive rate. Each model learned from the days before its evaluation day.</p>");
    for (HeadFigures head : heads) {
      html.append("<h2>Head: ").append(escape(head.head())).append("</h2>");
      if (head.rceSeries().isEmpty()) {
        html.append("<p>No registered model of this head in the range: run <code>daystream retrain</code>.</p>");
      } else {
        image(html, Charts.rceOverTime(head.head(), head.rceSeries()), "RCE per evaluation day");
        html.append(markdownToTable(rceTable(head)));
      }
      if (head.champions().isEmpty()) {
        html.append("<p>No champion moved in the range.</p>");
      } else {
        image(html, Charts.championTimeline(head.head(), head.champions()), "champion timeline");
        html.append(markdownToTable(championTable(head)));
      }
      if (head.staleness().isEmpty()) {
        html.append("<p>Staleness not measured for this range: run <code>daystream experiment staleness --task ")
            .append(escape(task)).append(" --from ").append(from).append(" --to ").append(to).append("</code>.</p>");
      } else {
        image(html, Charts.staleness(head.head(), head.staleness()), "RCE by model age");
      }
      head.calibration().ifPresent(calibration ->
          image(html, Charts.calibration(head.head(), calibration), "calibration of the champion"));
      List<LiveMetric> ofHead = live.stream().filter(m -> m.head().equals(head.head())).toList();
      if (!ofHead.isEmpty()) {
        html.append("<h3>Live: served scores against the engagements that followed</h3>")
            .append(markdownToTable(liveTable(ofHead)));
      }
    }
    return html.append("</body></html>").toString();
  }

  /** Every RCE of the report: head, series, day, value. */
  public static String csv(List<HeadFigures> heads) {
    StringBuilder csv = new StringBuilder("head,series,day,rce\n");
    for (HeadFigures head : heads) {
      head.rceSeries().forEach((series, points) -> points.forEach(point -> csv.append(String.format(Locale.ROOT,
          "%s,%s,%s,%.6f%n", head.head(), series, point.day(), point.value()))));
    }
    return csv.toString();
  }

  public static String markdown(String task, LocalDate from, LocalDate to, List<HeadFigures> heads) {
    return markdown(task, from, to, heads, List.of());
  }

  /** @param live the served models' whole-day live metrics in the range, of any head */
  public static String markdown(String task, LocalDate from, LocalDate to, List<HeadFigures> heads,
      List<LiveMetric> live) {
    StringBuilder md = new StringBuilder("# Daystream: " + task + ", evaluation days " + from + " .. " + to + "\n");
    for (HeadFigures head : heads) {
      md.append("\n## ").append(head.head()).append("\n\n").append(rceTable(head));
      if (!head.champions().isEmpty()) {
        md.append('\n').append(championTable(head));
      }
      if (!head.staleness().isEmpty()) {
        md.append("\n| age (days) | models judged | pooled RCE |\n|---:|---:|---:|\n");
        for (AgeValue age : head.staleness()) {
          md.append(String.format(Locale.ROOT, "| %d | %d | %.3f |%n", age.age(), age.judgements(), age.pooledRce()));
        }
      }
      List<LiveMetric> ofHead = live.stream().filter(m -> m.head().equals(head.head())).toList();
      if (!ofHead.isEmpty()) {
        md.append('\n').append(liveTable(ofHead));
      }
    }
    return md.toString();
  }

  /** One row per day, role and version: the live metrics of served (and shadow) scores. */
  static String liveTable(List<LiveMetric> live) {
    StringBuilder md = new StringBuilder(
        "| live day | role | version | rows | positives | RCE | PR-AUC | log loss |\n|---|---|---|---:|---:|---:|---:|---:|\n");
    for (LiveMetric metric : live) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %s | %.4f |%n", metric.day(), metric.role(),
          metric.version(), metric.metrics().rows(), metric.metrics().positives(),
          format(metric.metrics().rce()), format(metric.metrics().prAuc()), metric.metrics().logLoss()));
    }
    return md.toString();
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "-";
  }

  /** Days as rows, series as columns. */
  static String rceTable(HeadFigures head) {
    TreeSet<LocalDate> days = new TreeSet<>();
    Map<String, Map<LocalDate, Double>> bySeries = new TreeMap<>();
    head.rceSeries().forEach((series, points) -> {
      Map<LocalDate, Double> values = new TreeMap<>();
      for (DayValue point : points) {
        values.put(point.day(), point.value());
        days.add(point.day());
      }
      bySeries.put(series, values);
    });
    List<String> names = head.rceSeries().keySet().stream().toList();
    StringBuilder md = new StringBuilder("| day |");
    names.forEach(name -> md.append(' ').append(name).append(" |"));
    md.append("\n|---|").append("---:|".repeat(names.size())).append('\n');
    for (LocalDate day : days) {
      md.append("| ").append(day).append(" |");
      for (String name : names) {
        Double value = bySeries.get(name).get(day);
        md.append(' ').append(value == null ? "-" : String.format(Locale.ROOT, "%.3f", value)).append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  static String championTable(HeadFigures head) {
    StringBuilder md = new StringBuilder("| evaluation day | champion | window | action |\n|---|---|---:|---|\n");
    for (ChampionStep step : head.champions()) {
      md.append("| ").append(step.evaluationDay()).append(" | ").append(step.version()).append(" | ")
          .append(step.window()).append(" | ").append(step.action()).append(" |\n");
    }
    return md.toString();
  }

  /** The tables above as HTML: a Markdown table of plain cells, row by row. */
  private static String markdownToTable(String markdown) {
    StringBuilder html = new StringBuilder("<table>");
    List<String> lines = markdown.lines().filter(line -> line.startsWith("|")).toList();
    for (int i = 0; i < lines.size(); i++) {
      if (i == 1) {
        continue;
      }
      String tag = i == 0 ? "th" : "td";
      html.append("<tr>");
      String line = lines.get(i);
      for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
        html.append('<').append(tag).append('>').append(escape(cell.strip())).append("</").append(tag).append('>');
      }
      html.append("</tr>");
    }
    return html.append("</table>").toString();
  }

  private static void image(StringBuilder html, byte[] png, String alt) {
    html.append("<img alt=\"").append(alt).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\">");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
