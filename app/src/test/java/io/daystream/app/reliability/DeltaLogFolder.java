package io.daystream.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Delta table's {@code _delta_log}, read from outside the process writing it: which commits have
 * landed. A commit file appears whole (Delta writes it by an atomic rename on a local disk).
 */
final class DeltaLogFolder {

  private final Path folder;

  DeltaLogFolder(String tablePath) {
    this.folder = Path.of(tablePath, "_delta_log");
  }

  /** Number of commits so far (versions 0..n-1). */
  long commits() {
    return commitFiles().size();
  }

  /**
   * Whether a commit carries Delta's idempotent-write marker for {@code appId} at {@code version}:
   * what ingestion's quarantine and metrics writes set to their query and batch id.
   */
  boolean hasTransaction(String appId, long version) {
    String app = "\"appId\":\"" + appId + "\"";
    String txnVersion = "\"version\":" + version + ",";
    for (Path commit : commitFiles()) {
      try (Stream<String> actions = Files.lines(commit)) {
        if (actions.anyMatch(a -> a.startsWith("{\"txn\"") && a.contains(app) && a.contains(txnVersion))) {
          return true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + commit, e);
      }
    }
    return false;
  }

  private List<Path> commitFiles() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
