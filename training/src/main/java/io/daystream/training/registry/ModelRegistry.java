package io.daystream.training.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.daystream.core.lake.DeltaTables;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.delta.exceptions.DeltaConcurrentModificationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The model registry: every model version with its lineage (a Delta table), the champion alias of
 * each (task, head) (a Delta table, one row per task and head) and the log of every alias change.
 *
 * <p>A candidate is {@linkplain #stageAll staged} (a new version id and a staging folder), trained
 * into that folder, then {@linkplain #registerAll registered}: its files move into their version
 * folder, which nothing writes again. Version ids are never reused: a re-run of a day gets the
 * next sequence number. A window that gives no model is skipped with its reason. Staging and
 * skipping a batch is one Delta commit of the versions table, registering a batch is another; the
 * single-version methods ({@link #stage}, {@link #skip}, {@link #register}) are batches of one.
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

  /** A window that gives no model, to record as {@linkplain VersionStatus#SKIPPED skipped} with its reason. */
  public record Skip(ModelLineage lineage, String reason) {
    public Skip {
      Objects.requireNonNull(lineage, "lineage");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * What {@link #stageAll} recorded: the staged candidates and the skipped versions, each list in
   * the order of its request.
   */
  public record Staging(List<StagedModel> staged, List<ModelVersion> skipped) {
    public Staging {
      staged = List.copyOf(staged);
      skipped = List.copyOf(skipped);
    }
  }

  /** A staged candidate whose model was saved to its staging folder, with its training time and evaluation. */
  public record Registration(StagedModel staged, Duration trainingTime, ModelEvaluation evaluation) {
    public Registration {
      Objects.requireNonNull(staged, "staged");
      Objects.requireNonNull(trainingTime, "trainingTime");
      Objects.requireNonNull(evaluation, "evaluation");
    }
  }

  /**
   * Allocates a new version id for every candidate and every skipped window
   * ({@code <task>-<head>-w<W>-<day>-r<n>}, n one more than any earlier version of the same task,
   * head, window and day; lineages of one stem in one batch get consecutive numbers in request
   * order, candidates before skips) and records them, staged or skipped, in one Delta commit of
   * the versions table. The trainer saves each candidate's model to its
   * {@link StagedModel#stagingPath()}. An empty batch writes nothing.
   *
   * <p>Should a concurrent run take some of the ids between the read of the sequence numbers and
   * the commit, the commit holds the others and only the taken ones are allocated again, in a
   * further commit; a commit that conflicts with a concurrent one is redone whole.
   *
   * @param runId the run that trains the candidates, recorded with every version
   * @throws IllegalStateException when ids are still taken after a few attempts (too many concurrent
   *     runs of the same window and day); the versions allocated until then stay recorded
   */
  public Staging stageAll(List<ModelLineage> candidates, List<Skip> skips, String runId) {
    Objects.requireNonNull(runId, "runId");
    List<NewVersion> requests = new ArrayList<>();
    candidates.forEach(lineage -> requests.add(new NewVersion(lineage, VersionStatus.STAGED, Optional.empty())));
    skips.forEach(skip -> requests.add(new NewVersion(skip.lineage(), VersionStatus.SKIPPED,
        Optional.of(skip.reason()))));
    List<ModelVersion> inserted = insertNew(requests, runId);
    List<StagedModel> staged = inserted.subList(0, candidates.size()).stream()
        .map(v -> new StagedModel(v.version(), runId, v.lineage(), files.stagingPath(v.version())))
        .toList();
    return new Staging(staged, inserted.subList(candidates.size(), inserted.size()));
  }

  /**
   * Allocates a new version id for a candidate and records it as staged: {@link #stageAll} with
   * one candidate.
   *
   * @param runId the run that trains the candidate, recorded with it
   */
  public StagedModel stage(ModelLineage lineage, String runId) {
    return stageAll(List.of(lineage), List.of(), runId).staged().get(0);
  }

  /**
   * Records that a window gave no model, and why: {@link #stageAll} with one skip. A skipped version
   * has no files and never serves.
   */
  public ModelVersion skip(ModelLineage lineage, String runId, String reason) {
    return stageAll(List.of(), List.of(new Skip(lineage, reason)), runId).skipped().get(0);
  }

  /**
   * Moves every staged model's files into its immutable version folder, then records the versions
   * as registered, with their training times and evaluations, in one Delta commit of the versions
   * table. All of the batch is registered, or none: every version is checked before any file moves,
   * and should a move or the commit fail, the files already moved go back to staging. Files move
   * before the commit, so a registered row always has its folder. Returns the registered versions
   * in the order of {@code registrations}; an empty batch writes nothing.
   *
   * @throws IllegalArgumentException when a version is unknown or named twice
   * @throws IllegalStateException when a version is not staged (registered and skipped versions never
   *     change; the message names each) or its files cannot be moved into a new folder: nothing of
   *     the batch changed. Also when the commit found a version no longer staged, the rest of the
   *     batch being registered; only a write outside the registry can cause that, since of two
   *     registrations of one version the first to move its files wins and the other fails before
   *     its commit
   */
  public List<ModelVersion> registerAll(List<Registration> registrations) {
    if (registrations.isEmpty()) {
      return List.of();
    }
    List<String> ids = registrations.stream().map(r -> r.staged().version()).toList();
    Set<String> distinct = new LinkedHashSet<>(ids);
    if (distinct.size() != ids.size()) {
      throw new IllegalArgumentException("a version is named twice in one registration batch: " + ids);
    }
    Map<String, ModelVersion> current = read(ids);
    List<String> unknown = ids.stream().filter(id -> !current.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no model version " + String.join(", ", unknown) + " in the registry");
    }
    List<String> notStaged = ids.stream().filter(id -> current.get(id).status() != VersionStatus.STAGED)
        .map(id -> "version " + id + " is " + current.get(id).status().label() + ", not staged")
        .toList();
    if (!notStaged.isEmpty()) {
      throw new IllegalStateException(String.join("; ", notStaged)
          + ": a registered or skipped version never changes; nothing of the batch was registered");
    }
    List<String> published = new ArrayList<>();
    List<ModelVersion> registered = new ArrayList<>();
    DeltaMerge.Outcome outcome;
    try {
      for (Registration registration : registrations) {
        ModelVersion staged = current.get(registration.staged().version());
        String modelPath = files.publish(staged.version());
        published.add(staged.version());
        registered.add(new ModelVersion(staged.version(), staged.runId(), VersionStatus.REGISTERED,
            Optional.empty(), staged.lineage(), Optional.of(registration.trainingTime()),
            Optional.of(registration.evaluation()), Optional.of(modelPath), staged.createdAt()));
      }
      outcome = updateStaged(registered);
    } catch (RuntimeException e) {
      // Nothing was committed, so the rows are still staged: their files go back to where a staged
      // version's files are, and the batch can be registered again.
      for (String version : published) {
        try {
          files.unpublish(version);
        } catch (RuntimeException undo) {
          e.addSuppressed(undo);
        }
      }
      throw e;
    }
    if (outcome.updated() != registered.size()) {
      Map<String, ModelVersion> now = read(ids);
      List<String> lost = ids.stream().filter(id -> !now.containsKey(id) || !now.get(id).equals(
          registered.get(ids.indexOf(id)))).toList();
      throw new IllegalStateException("versions " + String.join(", ", lost) + " were no longer staged when "
          + "registered; the other " + outcome.updated() + " of the batch were registered");
    }
    return List.copyOf(registered);
  }

  /**
   * Registers one staged model: {@link #registerAll} with one registration.
   *
   * @throws IllegalStateException when the version is not staged (registered and skipped versions
   *     never change) or its files cannot be moved into a new folder
   */
  public ModelVersion register(StagedModel staged, Duration trainingTime, ModelEvaluation evaluation) {
    return registerAll(List.of(new Registration(staged, trainingTime, evaluation))).get(0);
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

  /** A version to insert under the next free id of its lineage's stem. */
  private record NewVersion(ModelLineage lineage, VersionStatus status, Optional<String> reason) {}

  /**
   * Inserts every request under the next free id of its stem, in one insert-only MERGE per attempt.
   * A row the MERGE did not insert had its id taken by a concurrent run since the ids were read; the
   * next attempt reads the ids again and allocates only those. Returns the versions in request order.
   */
  private List<ModelVersion> insertNew(List<NewVersion> requests, String runId) {
    if (requests.isEmpty()) {
      return List.of();
    }
    ensureTables();
    ModelVersion[] inserted = new ModelVersion[requests.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 0; attempt < WRITE_ATTEMPTS && !pending.isEmpty(); attempt++) {
      Map<String, Long> last = lastSequences(pending.stream().map(i -> requests.get(i).lineage().versionStem())
          .collect(Collectors.toSet()));
      // Delta keeps microseconds: stamped so, a version returned equals the version read back.
      Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
      Map<Integer, ModelVersion> batch = new LinkedHashMap<>();
      for (int i : pending) {
        NewVersion request = requests.get(i);
        String stem = request.lineage().versionStem();
        long sequence = last.merge(stem, 1L, Long::sum);
        batch.put(i, new ModelVersion(stem + "-r" + sequence, runId, request.status(), request.reason(),
            request.lineage(), Optional.empty(), Optional.empty(), Optional.empty(), createdAt));
      }
      DeltaMerge.Outcome outcome;
      try {
        outcome = DeltaMerge.run(spark, versionsPath, frameOf(batch.values()),
            "ON t.version = s.version WHEN NOT MATCHED THEN INSERT *");
      } catch (DeltaConcurrentModificationException e) {
        // Another run committed first and nothing of this batch was: read the ids again.
        continue;
      }
      Map<String, ModelVersion> written = outcome.inserted() == batch.size()
          ? Map.of()
          : read(batch.values().stream().map(ModelVersion::version).toList());
      List<Integer> taken = new ArrayList<>();
      batch.forEach((i, version) -> {
        if (outcome.inserted() == batch.size() || version.equals(written.get(version.version()))) {
          inserted[i] = version;
        } else {
          taken.add(i);
        }
      });
      pending = taken;
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException("could not allocate a version id for " + pending.stream()
          .map(i -> requests.get(i).lineage().versionStem()).distinct().collect(Collectors.joining(", "))
          + " in " + WRITE_ATTEMPTS + " attempts: too many concurrent runs of the same window and day");
    }
    return List.of(inserted);
  }

  /** The highest sequence number of each stem's ids, 0 for a stem without versions: one read. */
  private Map<String, Long> lastSequences(Set<String> stems) {
    Map<String, Long> last = new HashMap<>();
    stems.forEach(stem -> last.put(stem, 0L));
    Column anyStem = stems.stream().map(stem -> col("version").startsWith(stem + "-r"))
        .reduce(Column::or).orElse(lit(false));
    for (Row row : spark.read().format("delta").load(versionsPath).where(anyStem).select("version")
        .collectAsList()) {
      String version = row.getString(0);
      int cut = version.lastIndexOf("-r");
      String sequence = version.substring(cut + 2);
      if (cut > 0 && stems.contains(version.substring(0, cut)) && sequence.matches("[0-9]+")) {
        last.merge(version.substring(0, cut), Long.parseLong(sequence), Math::max);
      }
    }
    return last;
  }

  /**
   * Flips staged rows to the given registered ones in one MERGE; a commit that conflicts with a
   * concurrent one (another run staging its versions) changed nothing and is redone.
   */
  private DeltaMerge.Outcome updateStaged(List<ModelVersion> registered) {
    for (int attempt = 1; ; attempt++) {
      try {
        return DeltaMerge.run(spark, versionsPath, frameOf(registered),
            "ON t.version = s.version WHEN MATCHED AND t.status = '" + VersionStatus.STAGED.label()
                + "' THEN UPDATE SET *");
      } catch (DeltaConcurrentModificationException e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw new IllegalStateException("could not register " + registered.size() + " versions in "
              + WRITE_ATTEMPTS + " attempts: every commit conflicted with a concurrent one", e);
        }
      }
    }
  }

  /** The versions of these ids that exist, by id: one read. */
  private Map<String, ModelVersion> read(List<String> ids) {
    Map<String, ModelVersion> found = new HashMap<>();
    versions().ifPresent(v -> v.where(col("version").isin(ids.toArray())).collectAsList().stream()
        .map(VersionRows::fromRow).forEach(version -> found.put(version.version(), version)));
    return found;
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

  private Dataset<Row> frameOf(Collection<ModelVersion> versions) {
    return spark.createDataFrame(versions.stream().map(VersionRows::toRow).toList(), VersionRows.SCHEMA);
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
