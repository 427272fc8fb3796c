package io.daystream.ingestion.maintenance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.schema.CanonicalSchemas;
import io.daystream.ingestion.quarantine.QuarantineUserMatch;
import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

/**
 * The lake's upkeep, one named Delta command each: compact small files, vacuum old ones, and
 * forget a user (a deletion request) in every table that holds their rows, the quarantine too.
 */
public final class LakeMaintenance {

  /**
   * Delta's own safety floor: files younger than a week may still be read by a running query or
   * a time-travel reader, so vacuum never goes below it.
   */
  public static final int MIN_VACUUM_RETENTION_HOURS = 168;

  /** Tables and the columns that name a user in them. */
  private static final Map<LakeTable, List<String>> USER_COLUMNS = new LinkedHashMap<>();

  static {
    USER_COLUMNS.put(LakeTable.TWEETS, List.of("author_id"));
    USER_COLUMNS.put(LakeTable.ENGAGEMENTS, List.of("engaging_user_id", "author_id"));
    USER_COLUMNS.put(LakeTable.SCORES, List.of("engaging_user_id", "author_id"));
    USER_COLUMNS.put(LakeTable.TOP_N, List.of("engaging_user_id", "author_id"));
  }

  /** The tables models are trained from (engagements joined with their tweets). */
  private static final List<LakeTable> TRAINING_INPUTS = List.of(LakeTable.TWEETS, LakeTable.ENGAGEMENTS);

  private final SparkSession spark;
  private final Lake lake;

  public LakeMaintenance(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** Compacts each existing table's small files (OPTIMIZE); returns files removed per table. */
  public Map<LakeTable, Long> optimize(List<LakeTable> tables) {
    Map<LakeTable, Long> removed = new LinkedHashMap<>();
    for (LakeTable table : existing(tables)) {
      var metrics = DeltaTable.forPath(spark, lake.path(table)).optimize().executeCompaction()
          .select("metrics.numFilesRemoved").first();
      removed.put(table, metrics.isNullAt(0) ? 0 : metrics.getLong(0));
    }
    return removed;
  }

  /** Deletes files no longer referenced and older than the retention (VACUUM). */
  public void vacuum(List<LakeTable> tables, int retentionHours) {
    if (retentionHours < MIN_VACUUM_RETENTION_HOURS) {
      throw new IllegalArgumentException("vacuum retention must be at least " + MIN_VACUUM_RETENTION_HOURS
          + " hours, got " + retentionHours);
    }
    for (LakeTable table : existing(tables)) {
      DeltaTable.forPath(spark, lake.path(table)).vacuum(retentionHours);
    }
  }

  /**
   * Forgets one user: deletes every row naming them, as author or as engaging user, from every
   * table that holds users, then every quarantined message that names them (see
   * {@link QuarantineUserMatch} for the rule). Before deleting, notes the UTC days on which the
   * bronze tweets and engagements, the tables models learn from, held the user's rows. Each table
   * gets at most one DELETE commit, visible in its history; the old files go at the next vacuum
   * past the retention.
   *
   * @return rows deleted per table (the quarantine last) and the user's event days
   */
  public ForgottenUser forgetUser(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a user id is required");
    }
    SortedSet<LocalDate> eventDays = eventDaysOf(userId);
    Map<LakeTable, Long> deleted = new LinkedHashMap<>();
    for (Map.Entry<LakeTable, List<String>> entry : USER_COLUMNS.entrySet()) {
      deleteWhere(entry.getKey(), ofUser(entry.getValue(), userId)).ifPresent(rows -> deleted.put(entry.getKey(), rows));
    }
    deleteWhere(LakeTable.QUARANTINE, QuarantineUserMatch.namingUser(userId))
        .ifPresent(rows -> deleted.put(LakeTable.QUARANTINE, rows));
    return new ForgottenUser(userId, deleted, eventDays);
  }

  /** The UTC event days on which the bronze tweets or engagements hold a row naming the user. */
  public SortedSet<LocalDate> eventDaysOf(String userId) {
    SortedSet<LocalDate> days = new TreeSet<>();
    for (LakeTable table : TRAINING_INPUTS) {
      String path = lake.path(table);
      if (!DeltaTables.exists(spark, path)) {
        continue;
      }
      spark.read().format("delta").load(path).where(ofUser(USER_COLUMNS.get(table), userId))
          .select(col(CanonicalSchemas.EVENT_DATE)).distinct().collectAsList()
          .forEach(row -> days.add(row.getDate(0).toLocalDate()));
    }
    return days;
  }

  /** Counts then deletes the matching rows in one DELETE commit; empty when the table does not exist. */
  private Optional<Long> deleteWhere(LakeTable table, Column condition) {
    String path = lake.path(table);
    if (!DeltaTables.exists(spark, path)) {
      return Optional.empty();
    }
    long rows = spark.read().format("delta").load(path).where(condition).count();
    if (rows > 0) {
      DeltaTable.forPath(spark, path).delete(condition);
    }
    return Optional.of(rows);
  }

  private static Column ofUser(List<String> userColumns, String userId) {
    return userColumns.stream().map(c -> col(c).equalTo(lit(userId))).reduce(Column::or).orElseThrow();
  }

  private List<LakeTable> existing(List<LakeTable> tables) {
    return tables.stream().filter(t -> DeltaTables.exists(spark, lake.path(t))).toList();
  }
}
