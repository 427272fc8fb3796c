package io.daystream.bench.text;

/** One timed pass of a variant over every document: {@code millis} of transform and a no-op write. */
public record TextRun(String variant, int round, long documents, long millis) {

  public double documentsPerSecond() {
    return documents * 1000.0 / Math.max(1, millis);
  }
}
