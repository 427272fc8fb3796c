package io.daystream.training.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The champions of a head as a stack, replayed from its alias changes: a promotion (by policy or
 * forced) pushes its version, a rollback pops the current one. A rollback therefore brings back
 * the champion before the current one, and a second rollback the one before that.
 */
public final class ChampionStack {

  private ChampionStack() {}

  /**
   * The version a rollback would bring back; empty when the current champion is the first (or
   * there is none).
   *
   * @param history the alias changes of one (task, head), in generation order
   */
  public static Optional<String> rollbackTarget(List<AliasChange> history) {
    Deque<String> champions = replay(history);
    if (champions.size() < 2) {
      return Optional.empty();
    }
    String current = champions.pop();
    String previous = champions.peek();
    champions.push(current);
    return Optional.of(previous);
  }

  private static Deque<String> replay(List<AliasChange> history) {
    Deque<String> champions = new ArrayDeque<>();
    for (AliasChange change : history) {
      if (change.action() == AliasChange.Action.ROLLED_BACK) {
        champions.poll();
        if (!change.toVersion().equals(champions.peek())) {
          // A rollback logged by other rules (or a gap in the log): trust what it brought back.
          champions.push(change.toVersion());
        }
      } else {
        champions.push(change.toVersion());
      }
    }
    return champions;
  }
}
