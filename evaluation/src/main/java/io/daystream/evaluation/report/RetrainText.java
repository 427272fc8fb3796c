package io.daystream.evaluation.report;

import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.SkippedWindow;
import io.daystream.evaluation.outcome.WindowResult;
import java.util.Locale;
import java.util.OptionalDouble;

/** A daily run as a terminal reads it: per head, every window's model, the oracle, the decision. */
public final class RetrainText {

  private RetrainText() {}

  public static String of(RetrainOutcome outcome) {
    StringBuilder text = new StringBuilder();
    for (HeadOutcome head : outcome.heads()) {
      text.append(String.format(Locale.ROOT, "Head '%s' of %s, evaluated on %s (%d examples):%n",
          head.head(), outcome.task(), outcome.evaluationDay(), outcome.evaluationRows()));
      text.append(String.format(Locale.ROOT, "  %-8s %-26s %10s %9s %8s  %s%n",
          "window", "training days", "rows", "RCE", "PR-AUC", "champion"));
      for (WindowResult result : head.windows()) {
        boolean champion = head.champion().map(result.version()::equals).orElse(false);
        text.append(String.format(Locale.ROOT, "  %-8s %-26s %10d %9s %8s  %s%n",
            result.window().days() + "d",
            result.window().firstDay() + " .. " + result.window().lastDay(),
            result.trainRows(), format(result.metrics().rce()), format(result.metrics().prAuc()),
            champion ? "*" : ""));
      }
      for (SkippedWindow skipped : head.skipped()) {
        text.append(String.format(Locale.ROOT, "  %-8s %-26s %10d  skipped: %s%n",
            skipped.window().days() + "d",
            skipped.window().firstDay() + " .. " + skipped.window().lastDay(), skipped.trainRows(), skipped.reason()));
      }
      head.oracle().ifPresent(oracle -> text.append(String.format(Locale.ROOT, "  %-8s %-26s %10s %9s %8s%n",
          "oracle", "(true probabilities)", "", format(oracle.rce()), format(oracle.prAuc()))));
      text.append("  decision: ").append(head.promoted() ? "promoted" : "kept").append(" - ")
          .append(head.decision().reason()).append('\n');
      text.append("  champion: ").append(head.champion().orElse("none")).append('\n');
    }
    return text.toString();
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "undefined";
  }
}
