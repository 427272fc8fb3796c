package io.daystream.training.experiment;

import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.metrics.PooledRce;
import io.daystream.training.experiment.WindowComparison.WindowStats;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The experiments' tables as Markdown, for the terminal and the README, and as CSV, for other tools. */
public final class ExperimentTables {

  private ExperimentTables() {}

  public static String windowsMarkdown(List<WindowStats> stats, Map<String, Map<LocalDate, BinaryMetrics>> oracle) {
    StringBuilder md = new StringBuilder(
        "| head | window | days | mean RCE | spread | pooled RCE | oracle pooled RCE | wins |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (WindowStats row : stats) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %s | %s | %d |%n", row.head(),
          row.window(), row.days(), row.meanRce(), row.spread(), format(row.pooledRce()),
          format(oraclePooled(oracle, row.head())), row.wins()));
    }
    return md.toString();
  }

  public static String windowsCsv(List<WindowStats> stats) {
    StringBuilder csv = new StringBuilder("head,window,days,mean_rce,spread,pooled_rce,wins\n");
    for (WindowStats row : stats) {
      csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%s,%d%n", row.head(), row.window(), row.days(),
          row.meanRce(), row.spread(), csv(row.pooledRce()), row.wins()));
    }
    return csv.toString();
  }

  public static String agesMarkdown(List<StalenessTable.AgeRow> rows) {
    StringBuilder md = new StringBuilder(
        "| head | age (days) | models judged | mean RCE | pooled RCE | oracle pooled RCE |\n"
            + "|---|---:|---:|---:|---:|---:|\n");
    for (StalenessTable.AgeRow row : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %s | %s |%n", row.head(), row.age(),
          row.judgements(), row.meanRce(), format(row.pooledRce()), format(row.oraclePooledRce())));
    }
    return md.toString();
  }

  public static String agesCsv(List<StalenessTable.AgeRow> rows) {
    StringBuilder csv = new StringBuilder("head,age,judgements,mean_rce,pooled_rce,oracle_pooled_rce\n");
    for (StalenessTable.AgeRow row : rows) {
      csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%s,%s%n", row.head(), row.age(), row.judgements(),
          row.meanRce(), csv(row.pooledRce()), csv(row.oraclePooledRce())));
    }
    return csv.toString();
  }

  public static String schedulesMarkdown(List<StalenessTable.Schedule> rows) {
    StringBuilder md = new StringBuilder(
        "| head | days | daily retraining, pooled RCE | weekly retraining, pooled RCE | oracle pooled RCE |\n"
            + "|---|---:|---:|---:|---:|\n");
    for (StalenessTable.Schedule row : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", row.head(), row.days(),
          format(row.dailyPooledRce()), format(row.weeklyPooledRce()), format(row.oraclePooledRce())));
    }
    return md.toString();
  }

  private static OptionalDouble oraclePooled(Map<String, Map<LocalDate, BinaryMetrics>> oracle, String head) {
    Map<LocalDate, BinaryMetrics> days = oracle.getOrDefault(head, Map.of());
    return days.isEmpty() ? OptionalDouble.empty() : PooledRce.of(days.values());
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "-";
  }

  private static String csv(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.6f", value.getAsDouble()) : "";
  }
}
