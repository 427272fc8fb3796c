package io.daystream.app.cli;

import io.daystream.training.daily.RetrainBackfill;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar of a backfill on a terminal: days done, time spent, and the time left
 * at the pace so far. Off a terminal (CI, a pipe, a log file) it prints nothing: the log says
 * the same, line by line.
 */
final class ProgressBar implements RetrainBackfill.Progress {

  private static final int WIDTH = 30;

  private final PrintStream terminal;

  private ProgressBar(PrintStream terminal) {
    this.terminal = terminal;
  }

  /** A bar on standard error when the process runs on a terminal, else a silent one. */
  static RetrainBackfill.Progress onTerminal() {
    return System.console() == null ? RetrainBackfill.Progress.NONE : new ProgressBar(System.err);
  }

  @Override
  public void dayDone(RetrainBackfill.DayResult result, int daysDone, int daysTotal, Duration elapsed) {
    terminal.print("\r" + line(result, daysDone, daysTotal, elapsed));
    if (daysDone == daysTotal) {
      terminal.println();
    }
    terminal.flush();
  }

  static String line(RetrainBackfill.DayResult result, int daysDone, int daysTotal, Duration elapsed) {
    int filled = (int) Math.round((double) WIDTH * daysDone / daysTotal);
    Duration left = daysDone == 0 ? Duration.ZERO : elapsed.multipliedBy(daysTotal - daysDone).dividedBy(daysDone);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + daysDone + "/" + daysTotal + " days, "
        + result.day() + " " + result.status().name().toLowerCase(java.util.Locale.ROOT) + ", " + clock(elapsed)
        + " spent, ~" + clock(left) + " left ";
  }

  private static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds >= 3600
        ? String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
