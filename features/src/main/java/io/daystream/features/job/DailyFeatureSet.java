package io.daystream.features.job;

import io.daystream.core.lake.LakeTable;
import io.daystream.features.lineage.InputRead;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table of features materialized one day at a time: what a day reads and how its rows are
 * computed. {@link DailyFeatureJob} decides when a day must be (re)computed and writes it.
 * Implementations obey {@link io.daystream.features.day.PointInTime}.
 */
public interface DailyFeatureSet {

  /** Names the set in the manifest and the command output, e.g. {@code engagement-examples}. */
  String name();

  /**
   * Changes whenever a definition or a setting that changes values does, e.g.
   * {@code engagement-examples/3/hash=4096}: days of another version are recomputed.
   */
  String featureSetVersion();

  LakeTable output();

  /** The date column the output is partitioned by and a day is replaced by. */
  String dayColumn();

  /** The partitions of each input that day {@code day} reads; their content decides a recompute. */
  List<InputRead> inputsOf(LocalDate day);

  /**
   * The rows of {@code day} (every row's day column equals it), possibly none. Called only after
   * the sets this one reads have been materialized for the days it reads.
   */
  Dataset<Row> compute(LocalDate day);
}
