package io.daystream.features.lineage;

import io.daystream.core.lake.LakeTable;
import io.daystream.features.day.DayRange;

/**
 * What a feature day reads of one input table: the partitions of {@code days} by its day column.
 * Only these partitions decide whether the day must be recomputed.
 */
public record InputRead(LakeTable table, String dayColumn, DayRange days) {}
