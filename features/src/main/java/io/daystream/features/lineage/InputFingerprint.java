package io.daystream.features.lineage;

/**
 * The state of the partitions a feature day read from one input table. Two fingerprints with the
 * same files, bytes and latest modification are the same content, whatever else was appended to
 * other days of the table since: a day is recomputed only when what it read changed (a late
 * record landed on it, a user was forgotten, a backfill rewrote it).
 *
 * @param table the input's lake folder, e.g. {@code bronze/engagements}
 * @param tableVersion the Delta version that was read, for lineage only (not compared)
 * @param files data files of the partitions read; 0 when the table does not exist
 * @param lastModified latest modification time of those files, epoch ms; 0 when there is none
 */
public record InputFingerprint(String table, String days, long tableVersion, long files, long bytes,
    long lastModified) {

  /** Whether this and {@code other} stand for the same content of the same partitions. */
  public boolean sameContentAs(InputFingerprint other) {
    return table.equals(other.table) && days.equals(other.days) && files == other.files
        && bytes == other.bytes && lastModified == other.lastModified;
  }
}
