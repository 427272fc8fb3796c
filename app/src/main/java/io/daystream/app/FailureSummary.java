package io.daystream.app;

/**
 * One line that says why a command failed: the first line of the failure's message and, when the
 * innermost cause says something else, that too. Spark's and Kafka's messages run over several
 * lines and wrap the useful one; the stack trace is for the log.
 */
final class FailureSummary {

  /** Longest summary in characters; the log has the rest. */
  static final int MAX_LENGTH = 500;

  private FailureSummary() {}

  static String of(Throwable failure) {
    String summary = firstLine(failure);
    Throwable root = rootCause(failure);
    if (root != failure) {
      String cause = firstLine(root);
      if (!summary.contains(cause)) {
        summary += root.getMessage() == null ? " (cause: " + cause + ")"
            : " (cause: " + root.getClass().getSimpleName() + ": " + cause + ")";
      }
    }
    return summary.length() <= MAX_LENGTH ? summary : summary.substring(0, MAX_LENGTH - 3) + "...";
  }

  /** The message's first non-blank line, or the class name when there is no message. */
  private static String firstLine(Throwable t) {
    String message = t.getMessage();
    String line = message == null ? "" : message.lines().map(String::strip).filter(l -> !l.isEmpty())
        .findFirst().orElse("");
    return line.isEmpty() ? t.getClass().getSimpleName() : line;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
