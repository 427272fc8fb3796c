package io.daystream.training.registry;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One move of the champion alias of a (task, head): from which version to which, why, by whom,
 * when. {@code generation} counts the moves of that alias: 1 for the first champion, then +1 per
 * move; it is what a promoter must have read for its move to be accepted.
 */
public record AliasChange(
    String task,
    String head,
    long generation,
    Action action,
    Optional<String> fromVersion,
    String toVersion,
    String changedBy,
    String reason,
    Instant changedAt) {

  /** Why the alias moved. */
  public enum Action {
    /** The promotion policy chose a challenger over the champion. */
    PROMOTED,
    /** An operator named the version ({@code daystream promote --version}). */
    FORCED,
    /** The champion before the current one came back ({@code daystream promote --rollback}). */
    ROLLED_BACK;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Action ofLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }
}
