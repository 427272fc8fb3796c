package io.daystream.ingestion.backfill;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a file backfill did: records written to the canonical tables (duplicates of rows already
 * there are not written again), rows quarantined, rows skipped as holding no data, and the event
 * days the file's records cover.
 *
 * @param duplicates of {@code skipped}, the source rows dropped because an earlier row of the same
 *     load had the same key; many of them mean the key (e.g. the symbol column) was misread
 * @param sourceRows the data rows the loader read (records + rejects + skipped)
 */
public record BackfillResult(String format, long rows, long quarantined, long skipped, long duplicates,
    long sourceRows, Optional<LocalDate> firstDate, Optional<LocalDate> lastDate) {

  /** Above this share of the source rows, dropped duplicates are worth a warning. */
  public static final double DUPLICATE_WARNING_SHARE = 0.01;

  /** The share of the source rows dropped as duplicates, 0 when nothing was read. */
  public double duplicateShare() {
    return sourceRows == 0 ? 0 : (double) duplicates / sourceRows;
  }

  /** Whether so many rows were dropped as duplicates that the user should hear of it. */
  public boolean manyDuplicates() {
    return duplicateShare() > DUPLICATE_WARNING_SHARE;
  }
}
