package io.daystream.training.registry;

import java.util.Optional;

/**
 * The champion alias of a (task, head) as a promoter read it: the serving version (empty before
 * the first promotion) and the alias generation (0 before the first promotion). A move of the
 * alias is accepted only if the generation is still the one read.
 */
public record ChampionState(String task, String head, Optional<String> version, long generation) {

  public static ChampionState none(String task, String head) {
    return new ChampionState(task, head, Optional.empty(), 0);
  }
}
