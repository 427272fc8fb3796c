package io.daystream.training.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.delta.exceptions.DeltaConcurrentModificationException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The model registry: every model version with its lineage (a Delta table), the champion alias of
 * each (task, head) (a Delta table, one row per task and head) and the log of every alias change.
 *
 * <p>A candidate is {@linkplain #stage staged} (a new version id and a staging folder), trained
 * into that folder, then {@linkplain #register registered}: its files move into their version
 * folder, which nothing writes again. Version ids are never reused: a re-run of a day gets the
 * next sequence number. A window that gives no model is {@linkplain #skip skipped} with its reason.
 *
 * <p>The champion alias moves by one Delta commit conditioned on the alias generation the promoter
 * read ({@link #moveChampion}): of two racing moves one wins, the other throws
 * {@link ChampionChangedException} and changes nothing. Read the serving version with
 * {@link #champion}; who served when with {@link #history} and {@link ServingHistory}.
 */
public final class ModelRegistry {

  /** Tries of a write that a concurrent commit can conflict with and that is safe to redo. */
  private static final int WRITE_ATTEMPTS = 5;

  private final SparkSession spark;
  private final String versionsPath;
  private final String aliasesPath;
  private final String changesPath;
  private final ModelFiles files;
  private final Clock clock;
  private boolean tablesReady;

  public ModelRegistry(SparkSession spark, Lake lake) {
    this(spark, lake, Clock.systemUTC());
  }

  /** @param clock the time recorded on versions and alias changes */
  public ModelRegistry(SparkSession spark, Lake lake, Clock clock) {
    this.spark = spark;
    this.versionsPath = lake.path(LakeTable.MODEL_REGISTRY);
    this.aliasesPath = lake.path(LakeTable.CHAMPION_ALIASES);
    this.changesPath = lake.path(LakeTable.PROMOTIONS);
    this.files = new ModelFiles(lake, spark.sparkContext().hadoopConfiguration());
    this.clock = clock;
  }

  // ---- versions

  /**
   * Allocates a new version id for a candidate ({@code <task>-<head>-w<W>-<day>-r<n>}, n one more
   * than any earlier run of the same task, head, window and day) and records it as staged.
   * The trainer saves the model to {@link StagedModel#stagingPath()}.
   *
   * @param runId the run that trains the candidate, recorded with it
   */
  public StagedModel stage(ModelLineage lineage, String runId) {
    ModelVersion version = insertNew(lineage, runId, VersionStatus.STAGED, Optional.empty());
    return new StagedModel(version.version(), runId, lineage, files.stagingPath(version.version()));
  }

  /**
   * Moves the staged model's files into their immutable version folder and records the version
   * as registered, with its training time and evaluation.
   *
   * @throws IllegalStateException when the version is not staged (registered and skipped versions
   *     never change) or its files cannot be moved into a new folder
   */
  public ModelVersion register(StagedModel staged, Duration trainingTime, ModelEvaluation evaluation) {
    ModelVersion current = require(staged.version());
    if (current.status() != VersionStatus.STAGED) {
      throw new IllegalStateException("version " + staged.version() + " is " + current.status().label()
          + ", not staged: it cannot be registered again");
    }
    String modelPath = files.publish(staged.version());
    ModelVersion registered = new ModelVersion(current.version(), current.runId(), VersionStatus.REGISTERED,
        Optional.empty(), current.lineage(), Optional.of(trainingTime), Optional.of(evaluation),
        Optional.of(modelPath), current.createdAt());
    DeltaMerge.Outcome outcome = DeltaMerge.run(spark, versionsPath, frameOf(registered),
        "ON t.version = s.version WHEN MATCHED AND t.status = '" + VersionStatus.STAGED.label() + "' THEN UPDATE SET *");
    if (outcome.updated() != 1) {
      throw new IllegalStateException("version " + staged.version() + " was no longer staged when registered");
    }
    return registered;
  }

  /** Records that a window gave no model, and why; a skipped version has no files and never serves. */
  public ModelVersion skip(ModelLineage lineage, String runId, String reason) {
    return insertNew(lineage, runId, VersionStatus.SKIPPED, Optional.of(reason));
  }

  public Optional<ModelVersion> find(String version) {
    return versions().flatMap(v -> v.where(col("version").equalTo(version)).collectAsList().stream().findFirst()
        .map(VersionRows::fromRow));
  }

  /** @throws IllegalArgumentException when no such version is registered, staged or skipped */
  public ModelVersion require(String version) {
    return find(version).orElseThrow(() -> new IllegalArgumentException("no model version " + version
        + " in the registry"));
  }

  /** Versions of any status, of a task and head when given; oldest evaluation day first, then by window and id. */
  public List<ModelVersion> list(Optional<String> task, Optional<String> head) {
    return versions().map(v -> {
      Column where = lit(true);
      if (task.isPresent()) {
        where = where.and(col("task").equalTo(task.get()));
      }
      if (head.isPresent()) {
        where = where.and(col("head").equalTo(head.get()));
      }
      return v.where(where).collectAsList().stream().map(VersionRows::fromRow).sorted(LISTING).toList();
    }).orElse(List.of());
  }

  /**
   * Registered versions, of any task and head, whose training span holds at least one of
   * {@code days} (the evaluation day does not count: the model did not learn from it).
   */
  public List<ModelVersion> trainedOnAnyOf(Collection<LocalDate> days) {
    if (days.isEmpty()) {
      return List.of();
    }
    return list(Optional.empty(), Optional.empty()).stream()
        .filter(v -> v.status() == VersionStatus.REGISTERED)
        .filter(v -> days.stream().anyMatch(v::trainedOn))
        .toList();
  }

  // ---- the champion alias

  /** The champion alias of a head now: one read of one small partition. */
  public ChampionState champion(String task, String head) {
    ModelLineage.requireName("task", task);
    ModelLineage.requireName("head", head);
    if (!DeltaTables.exists(spark, aliasesPath)) {
      return ChampionState.none(task, head);
    }
    return spark.read().format("delta").load(aliasesPath)
        .where(col("task").equalTo(task).and(col("head").equalTo(head)))
        .collectAsList().stream().findFirst().map(AliasChangeRows::fromRow)
        .map(c -> new ChampionState(task, head, Optional.of(c.toVersion()), c.generation()))
        .orElse(ChampionState.none(task, head));
  }

  /** The champion alias of every head of a task that has one: one read, for a scorer's batch. */
  public Map<String, ChampionState> champions(String task) {
    ModelLineage.requireName("task", task);
    if (!DeltaTables.exists(spark, aliasesPath)) {
      return Map.of();
    }
    Map<String, ChampionState> champions = new TreeMap<>();
    spark.read().format("delta").load(aliasesPath).where(col("task").equalTo(task)).collectAsList().stream()
        .map(AliasChangeRows::fromRow)
        .forEach(c -> champions.put(c.head(), new ChampionState(task, c.head(), Optional.of(c.toVersion()),
            c.generation())));
    return champions;
  }

  /**
   * Points the champion alias of {@code expected}'s head at {@code version}, in one Delta commit
   * that succeeds only if the alias is still at {@code expected}'s generation, then logs the change.
   *
   * @param expected the champion as the promoter read it with {@link #champion}
   * @param changedBy who moves it (a job name, an operator's user name)
   * @throws ChampionChangedException when the alias moved since {@code expected} was read; nothing changed
   * @throws IllegalArgumentException when the version is not a registered version of that head, or serves already
   */
  public AliasChange moveChampion(ChampionState expected, String version, AliasChange.Action action,
      String changedBy, String reason) {
    ModelVersion target = require(version);
    if (target.status() != VersionStatus.REGISTERED) {
      throw new IllegalArgumentException("version " + version + " is " + target.status().label()
          + target.statusReason().map(r -> " (" + r + ")").orElse("") + ": only a registered version can serve");
    }
    if (!target.task().equals(expected.task()) || !target.head().equals(expected.head())) {
      throw new IllegalArgumentException("version " + version + " is a model of " + target.task() + "/"
          + target.head() + ", not of " + expected.task() + "/" + expected.head());
    }
    if (expected.version().filter(version::equals).isPresent()) {
      throw new IllegalArgumentException(version + " is already the champion of " + expected.task() + "/"
          + expected.head());
    }
    ensureTables();
    history(expected.task(), expected.head());
    AliasChange change = new AliasChange(expected.task(), expected.head(), expected.generation() + 1, action,
        expected.version(), version, changedBy, reason, clock.instant());
    Dataset<Row> source = spark.createDataFrame(List.of(AliasChangeRows.toRow(change)), AliasChangeRows.SCHEMA)
        .withColumn("expected_generation", lit(expected.generation()).cast(DataTypes.LongType));
    DeltaMerge.Outcome outcome;
    try {
      outcome = DeltaMerge.run(spark, aliasesPath, source, aliasMoveClauses(expected.task(), expected.head()));
    } catch (DeltaConcurrentModificationException e) {
      throw new ChampionChangedException(expected, "another change committed first ("
          + e.getClass().getSimpleName() + ")");
    }
    if (outcome.inserted() + outcome.updated() != 1) {
      ChampionState now = champion(expected.task(), expected.head());
      throw new ChampionChangedException(expected, "it is now " + now.version().orElse("no champion")
          + " at generation " + now.generation());
    }
    appendToLog(change);
    return change;
  }

  /**
   * Brings back the champion before the current one (see {@link ChampionStack}), logged as a rollback.
   *
   * @throws IllegalArgumentException when the head has no champion, or its champion is its first
   * @throws ChampionChangedException when the alias moved while the rollback was decided
   */
  public AliasChange rollback(String task, String head, String changedBy, String reason) {
    ChampionState state = champion(task, head);
    if (state.version().isEmpty()) {
      throw new IllegalArgumentException(task + "/" + head + " has no champion to roll back");
    }
    List<AliasChange> history = history(task, head);
    String previous = ChampionStack.rollbackTarget(history).orElseThrow(() -> new IllegalArgumentException(
        "no previous champion of " + task + "/" + head + " to roll back to: " + state.version().get()
            + " is the first"));
    return moveChampion(state, previous, AliasChange.Action.ROLLED_BACK, changedBy, reason);
  }

  /**
   * Every alias change of a head, in generation order. Should the log lack the latest change (a
   * crash between the alias commit and the log append), it is restored from the alias row first.
   */
  public List<AliasChange> history(String task, String head) {
    if (!DeltaTables.exists(spark, aliasesPath)) {
      return List.of();
    }
    List<AliasChange> logged = new ArrayList<>(DeltaTables.exists(spark, changesPath)
        ? spark.read().format("delta").load(changesPath)
            .where(col("task").equalTo(task).and(col("head").equalTo(head)))
            .collectAsList().stream().map(AliasChangeRows::fromRow)
            .sorted(Comparator.comparingLong(AliasChange::generation)).toList()
        : List.of());
    long lastLogged = logged.isEmpty() ? 0 : logged.get(logged.size() - 1).generation();
    spark.read().format("delta").load(aliasesPath)
        .where(col("task").equalTo(task).and(col("head").equalTo(head)))
        .collectAsList().stream().findFirst().map(AliasChangeRows::fromRow)
        .filter(latest -> latest.generation() > lastLogged)
        .ifPresent(missing -> {
          appendToLog(missing);
          logged.add(missing);
        });
    return List.copyOf(logged);
  }

  public ServingHistory servingHistory(String task, String head) {
    return new ServingHistory(history(task, head));
  }

  // ---- helpers

  private static final Comparator<ModelVersion> LISTING = Comparator.comparing(ModelVersion::evaluationDay)
      .thenComparing(ModelVersion::task).thenComparing(ModelVersion::head).thenComparingInt(ModelVersion::windowDays)
      .thenComparing(ModelVersion::createdAt).thenComparing(ModelVersion::version);

  /** Inserts a version under the next free id of its stem; retries when a concurrent run took it. */
  private ModelVersion insertNew(ModelLineage lineage, String runId, VersionStatus status, Optional<String> reason) {
    ensureTables();
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      String id = lineage.versionStem() + "-r" + (lastSequence(lineage.versionStem()) + 1);
      ModelVersion version = new ModelVersion(id, runId, status, reason, lineage, Optional.empty(),
          Optional.empty(), Optional.empty(), clock.instant());
      try {
        DeltaMerge.Outcome outcome = DeltaMerge.run(spark, versionsPath, frameOf(version),
            "ON t.version = s.version WHEN NOT MATCHED THEN INSERT *");
        if (outcome.inserted() == 1) {
          return version;
        }
      } catch (DeltaConcurrentModificationException e) {
        // Another run allocated at the same time: read the ids again.
      }
    }
    throw new IllegalStateException("could not allocate a version id for " + lineage.versionStem() + " in "
        + WRITE_ATTEMPTS + " attempts: too many concurrent runs of the same window and day");
  }

  private long lastSequence(String stem) {
    String prefix = stem + "-r";
    return spark.read().format("delta").load(versionsPath)
        .where(col("version").startsWith(prefix)).select("version").collectAsList().stream()
        .map(r -> r.getString(0).substring(prefix.length()))
        .filter(n -> n.matches("[0-9]+"))
        .mapToLong(Long::parseLong).max().orElse(0);
  }

  /**
   * The alias MERGE: update the head's row only at the generation read; insert it only when none
   * was read. The literal task and head confine the commit to the head's partition, so moves of
   * different heads do not conflict.
   */
  private static String aliasMoveClauses(String task, String head) {
    return "ON t.task = '" + task + "' AND t.head = '" + head + "' AND t.task = s.task AND t.head = s.head "
        + "WHEN MATCHED AND t.generation = s.expected_generation THEN UPDATE SET "
        + "t.generation = s.generation, t.action = s.action, t.from_version = s.from_version, "
        + "t.to_version = s.to_version, t.changed_by = s.changed_by, t.reason = s.reason, t.changed_at = s.changed_at "
        + "WHEN NOT MATCHED AND s.expected_generation = 0 THEN INSERT "
        + "(task, head, generation, action, from_version, to_version, changed_by, reason, changed_at) VALUES "
        + "(s.task, s.head, s.generation, s.action, s.from_version, s.to_version, s.changed_by, s.reason, s.changed_at)";
  }

  /**
   * Appends one change to the log unless it is there (the same head and generation). The alias
   * has moved already, so a conflict with another head's log entry is retried, not reported.
   */
  private void appendToLog(AliasChange change) {
    Dataset<Row> source = spark.createDataFrame(List.of(AliasChangeRows.toRow(change)), AliasChangeRows.SCHEMA);
    for (int attempt = 1; ; attempt++) {
      try {
        DeltaMerge.run(spark, changesPath, source,
            "ON t.task = s.task AND t.head = s.head AND t.generation = s.generation WHEN NOT MATCHED THEN INSERT *");
        return;
      } catch (DeltaConcurrentModificationException e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw new IllegalStateException("the champion of " + change.task() + "/" + change.head() + " moved to "
              + change.toVersion() + " but its log entry could not be written; the next read restores it", e);
        }
      }
    }
  }

  private Dataset<Row> frameOf(ModelVersion version) {
    return spark.createDataFrame(List.of(VersionRows.toRow(version)), VersionRows.SCHEMA);
  }

  private Optional<Dataset<Row>> versions() {
    return DeltaTables.exists(spark, versionsPath)
        ? Optional.of(spark.read().format("delta").load(versionsPath))
        : Optional.empty();
  }

  private synchronized void ensureTables() {
    if (!tablesReady) {
      DeltaTables.createIfMissing(spark, versionsPath, VersionRows.SCHEMA);
      DeltaTables.createIfMissing(spark, aliasesPath, AliasChangeRows.SCHEMA, "task", "head");
      DeltaTables.createIfMissing(spark, changesPath, AliasChangeRows.SCHEMA);
      tablesReady = true;
    }
  }
}
