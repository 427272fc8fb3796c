package io.daystream.training.registry;

import java.time.Instant;
import java.util.Optional;

/** Alias changes for tests of the pure registry logic. */
final class Changes {

  private Changes() {}

  static AliasChange change(long generation, AliasChange.Action action, String from, String to, String at) {
    return new AliasChange("engagement", "like", generation, action, Optional.ofNullable(from), to, "test",
        action.label(), Instant.parse(at));
  }
}
