package io.daystream.training.daily;

/**
 * The evaluation day holds no examples (a weekend or holiday of a market, a day without traffic):
 * nothing can be trained for it or judged on it. A backfill records the day as skipped and goes on.
 */
public final class NothingToJudgeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public NothingToJudgeException(String message) {
    super(message);
  }
}
