package io.daystream.datasets.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one real file layout into canonical records, streaming: every readable row goes to
 * {@code records}, every other row to {@code rejects} with its line and reason. Nothing is
 * silently dropped except what the format defines as not data (e.g. a filler row), which is
 * counted in the returned summary.
 *
 * @param <T> the canonical record type
 */
public interface DatasetLoader<T> {

  /**
   * What one load did. {@code records + rejects + skipped} is the number of data rows (or cells,
   * for formats with several records per row) read.
   *
   * @param duplicates of {@code skipped}, the rows dropped because an earlier row of the same
   *     load had the same key (e.g. symbol and date); a large share means the key was misread
   */
  record Summary(long records, long rejects, long skipped, long duplicates) {

    /** A load that drops no row as a duplicate. */
    public Summary(long records, long rejects, long skipped) {
      this(records, rejects, skipped, 0);
    }
  }

  /** Receives each record with the place in the source where it starts. */
  @FunctionalInterface
  interface LocatedRecords<T> {
    void accept(T record, SourceLine at);
  }

  /** Loads {@code path}, handing each record over with its file and line. */
  Summary loadLocated(Path path, LocatedRecords<? super T> records, Consumer<? super Reject> rejects)
      throws IOException;

  /** As {@link #loadLocated}, for callers that do not need to know where a record came from. */
  default Summary load(Path path, Consumer<? super T> records, Consumer<? super Reject> rejects)
      throws IOException {
    return loadLocated(path, (record, at) -> records.accept(record), rejects);
  }
}
