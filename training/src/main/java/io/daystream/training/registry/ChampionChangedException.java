package io.daystream.training.registry;

/**
 * A move of the champion alias was refused because the alias moved since the promoter read it
 * (another promotion or rollback won the race). Nothing was changed; read the champion again and
 * decide again.
 */
public final class ChampionChangedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChampionChangedException(ChampionState expected, String cause) {
    super("the champion of " + expected.task() + "/" + expected.head() + " changed since it was read ("
        + expected.version().orElse("no champion") + ", generation " + expected.generation() + "): " + cause
        + "; nothing was changed, read the champion again and retry");
  }
}
