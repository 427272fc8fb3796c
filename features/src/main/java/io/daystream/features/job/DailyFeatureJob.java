package io.daystream.features.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.features.lineage.DayLineage;
import io.daystream.features.lineage.DeltaFingerprints;
import io.daystream.features.lineage.InputRead;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Materializes a feature set day by day: a day whose inputs and feature-set version are those it
 * was last written with is skipped; any other day is computed and replaces exactly its own
 * partition in one Delta commit ({@code replaceWhere}), so a rerun never duplicates rows and a
 * reader never sees half a day. Every row carries the feature-set version and the Delta version
 * of each input table read.
 */
public final class DailyFeatureJob {

  /** Row lineage: the definitions' version. */
  public static final String FEATURE_SET_VERSION = "feature_set_version";
  /** Row lineage: input lake folder to the Delta version read. */
  public static final String INPUT_VERSIONS = "input_versions";

  private static final Logger LOG = LoggerFactory.getLogger(DailyFeatureJob.class);

  private final SparkSession spark;
  private final Lake lake;
  private final DeltaFingerprints fingerprints;
  private final FeatureDays manifest;

  public DailyFeatureJob(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
    this.fingerprints = new DeltaFingerprints(spark, lake);
    this.manifest = new FeatureDays(spark, lake.path(LakeTable.FEATURE_DAYS));
  }

  /** Brings every day of {@code days}, in order, up to date. */
  public FeatureRun run(DailyFeatureSet set, List<LocalDate> days) {
    List<LocalDate> written = new ArrayList<>();
    List<LocalDate> skipped = new ArrayList<>();
    long rows = 0;
    SortedSet<String> absent = new TreeSet<>();
    for (LocalDate day : days) {
      long started = System.nanoTime();
      DayLineage lineage = lineageOf(set, day);
      Optional<DayLineage> before = manifest.lineageOf(set.name(), day);
      if (before.isPresent() && before.get().sameAs(lineage)) {
        LOG.info("{} {}: up to date (same inputs, version {}), skipped", set.name(), day, set.featureSetVersion());
        skipped.add(day);
        continue;
      }
      lineage.inputs().stream().filter(input -> input.tableVersion() < 0).forEach(input -> absent.add(input.table()));
      long checked = System.nanoTime();
      long dayRows = write(set, day, lineage);
      long wrote = System.nanoTime();
      manifest.record(set.name(), day, lineage, dayRows);
      LOG.info("{} {}: {} rows written in {} ms (lineage {} ms, rows {} ms, manifest {} ms)", set.name(), day, dayRows,
          millis(System.nanoTime() - started), millis(checked - started), millis(wrote - checked),
          millis(System.nanoTime() - wrote));
      written.add(day);
      rows += dayRows;
    }
    return new FeatureRun(set.name(), written, skipped, rows, absent);
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private DayLineage lineageOf(DailyFeatureSet set, LocalDate day) {
    List<InputRead> reads = set.inputsOf(day);
    return new DayLineage(set.featureSetVersion(), reads.stream().map(fingerprints::of).toList());
  }

  private long write(DailyFeatureSet set, LocalDate day, DayLineage lineage) {
    Dataset<Row> rows = set.compute(day)
        .withColumn(FEATURE_SET_VERSION, lit(lineage.featureSetVersion()))
        .withColumn(INPUT_VERSIONS, versionsColumn(lineage))
        .localCheckpoint();
    // One job counts the rows and those outside the day (a wrong day would escape replaceWhere).
    Column isOutside = col(set.dayColumn()).notEqual(lit(day.toString()).cast("date")).or(col(set.dayColumn()).isNull());
    Row counts = rows.agg(count(lit(1)), sum(when(isOutside, 1L).otherwise(0L))).first();
    long total = counts.getLong(0);
    long outside = counts.isNullAt(1) ? 0 : counts.getLong(1);
    if (outside > 0) {
      throw new IllegalStateException(set.name() + " computed " + outside + " rows outside day " + day);
    }
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", set.dayColumn() + " = DATE'" + day + "'")
        // A new feature-set version may add columns; days of the older version read them as null.
        .option("mergeSchema", "true")
        .partitionBy(set.dayColumn())
        .save(lake.path(set.output()));
    return total;
  }

  private static Column versionsColumn(DayLineage lineage) {
    List<Column> entries = new ArrayList<>();
    lineage.tableVersions().forEach((table, version) -> {
      entries.add(lit(table));
      entries.add(lit(version));
    });
    return entries.isEmpty()
        ? map().cast("map<string,bigint>")
        : map(entries.toArray(Column[]::new));
  }
}
