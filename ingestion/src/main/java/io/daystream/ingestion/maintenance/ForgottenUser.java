package io.daystream.ingestion.maintenance;

import io.daystream.core.lake.LakeTable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What forgetting a user did.
 *
 * @param deletedRows rows deleted per existing table, in the order the tables were visited; a
 *     table that does not exist yet is absent
 * @param eventDays the UTC days on which the bronze tweets or engagements held the user's rows
 *     before the deletion: models trained on any of them learnt from the user
 */
public record ForgottenUser(String userId, Map<LakeTable, Long> deletedRows, SortedSet<LocalDate> eventDays) {

  public ForgottenUser {
    deletedRows = Collections.unmodifiableMap(new LinkedHashMap<>(deletedRows));
    eventDays = Collections.unmodifiableSortedSet(new TreeSet<>(eventDays));
  }

  /** Rows deleted from one table, 0 when the table does not exist. */
  public long deletedFrom(LakeTable table) {
    return deletedRows.getOrDefault(table, 0L);
  }
}
