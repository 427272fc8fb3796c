package io.daystream.scoring.champion;

import io.daystream.training.registry.ChampionState;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import io.daystream.training.registry.VersionStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models a scorer applies, kept in step with the registry: before each micro-batch,
 * {@link #current()} asks which version each head should use (for the champions: the aliases of
 * every head, one small read) and loads a model only when that changed, so a promotion or
 * rollback serves from the next batch on, without a restart. A new version that cannot be loaded,
 * or whose input does not match the scorer's, leaves the previous one in place; the failure is
 * logged and kept in {@link #problems()}.
 */
public final class ServingModels {

  private static final Logger LOG = LoggerFactory.getLogger(ServingModels.class);

  private final ModelRegistry registry;
  private final String task;
  private final List<String> heads;
  private final Function<ModelRegistry, Map<String, String>> wanted;
  private final StructType inputSchema;
  private final Function<ModelVersion, PipelineModel> loader;
  private final Map<String, ChampionModel> serving = new HashMap<>();
  private final Map<String, String> problems = new HashMap<>();
  // The version each failing head's alias named: it is not tried again until the alias moves.
  private final Map<String, String> failedVersions = new HashMap<>();

  /**
   * The champions of {@code heads}: the versions their aliases name.
   *
   * @param inputSchema what the scorer feeds the models: a model is served only if its stages
   *     accept it ({@link PipelineModel#transformSchema}), as Spark ML's own Pipeline checks
   * @param loader reads a version's saved model
   */
  public static ServingModels champions(ModelRegistry registry, String task, List<String> heads,
      StructType inputSchema, Function<ModelVersion, PipelineModel> loader) {
    return new ServingModels(registry, task, heads, inputSchema, loader, r -> {
      Map<String, String> versions = new HashMap<>();
      r.champions(task).forEach((head, state) -> state.version().ifPresent(v -> versions.put(head, v)));
      return versions;
    });
  }

  /**
   * The shadow of each head: the runner-up of its latest retraining, the registered version with
   * the best RCE of the latest evaluation day among those that are not the champion. It is scored
   * beside the champion and never served.
   */
  public static ServingModels runnersUp(ModelRegistry registry, String task, List<String> heads,
      StructType inputSchema, Function<ModelVersion, PipelineModel> loader) {
    return new ServingModels(registry, task, heads, inputSchema, loader, r -> {
      Map<String, ChampionState> champions = r.champions(task);
      Map<String, String> versions = new HashMap<>();
      for (String head : heads) {
        Optional<String> champion = Optional.ofNullable(champions.get(head)).flatMap(ChampionState::version);
        List<ModelVersion> challengers = r.list(Optional.of(task), Optional.of(head)).stream()
            .filter(v -> v.status() == VersionStatus.REGISTERED && !Optional.of(v.version()).equals(champion))
            .toList();
        challengers.stream().map(ModelVersion::evaluationDay).max(Comparator.naturalOrder())
            .flatMap(latest -> challengers.stream().filter(v -> v.evaluationDay().equals(latest))
                .max(Comparator.comparingDouble(ServingModels::rceOf)))
            .ifPresent(v -> versions.put(head, v.version()));
      }
      return versions;
    });
  }

  private ServingModels(ModelRegistry registry, String task, List<String> heads, StructType inputSchema,
      Function<ModelVersion, PipelineModel> loader, Function<ModelRegistry, Map<String, String>> wanted) {
    this.registry = registry;
    this.task = task;
    this.heads = List.copyOf(heads);
    this.wanted = wanted;
    this.inputSchema = inputSchema;
    this.loader = loader;
  }

  /** Loads models with {@link PipelineModel#load} from the version's folder. */
  public static Function<ModelVersion, PipelineModel> savedModels() {
    return version -> PipelineModel.load(version.requireModelPath());
  }

  /** The models to score the next batch with; heads without a usable model are absent. */
  public synchronized ServingSet current() {
    Map<String, String> versions = wanted.apply(registry);
    for (String head : heads) {
      Optional<String> version = Optional.ofNullable(versions.get(head));
      ChampionModel now = serving.get(head);
      if (version.isEmpty() || (now != null && now.version().equals(version.get()))
          || version.get().equals(failedVersions.get(head))) {
        continue;
      }
      try {
        serving.put(head, load(head, version.get()));
        problems.remove(head);
        failedVersions.remove(head);
        LOG.info("{}/{}: {} from the next batch on (was {})", task, head, version.get(),
            now == null ? "none" : now.version());
      } catch (Exception e) { // Spark's AnalysisException is a checked exception thrown unchecked
        String reason = version.get() + " of " + task + "/" + head + " cannot serve: " + e.getMessage();
        problems.put(head, reason);
        failedVersions.put(head, version.get());
        LOG.error("{}; {} keeps serving", reason, now == null ? "no model" : now.version());
      }
    }
    return new ServingSet(serving);
  }

  /** Why a head's model is not the version wanted, by head; empty when all serve. */
  public synchronized Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  private static double rceOf(ModelVersion version) {
    return version.evaluation().map(e -> e.metrics().getOrDefault(ModelEvaluation.RCE, Double.NEGATIVE_INFINITY))
        .filter(Double::isFinite).orElse(Double.NEGATIVE_INFINITY);
  }

  private ChampionModel load(String head, String version) {
    ModelVersion registered = registry.find(version).orElseThrow(() -> new IllegalStateException(
        version + " is not in the model registry"));
    if (!registered.head().equals(head) || !registered.task().equals(task)) {
      throw new IllegalStateException(version + " is a model of " + registered.task() + "/" + registered.head());
    }
    PipelineModel model = loader.apply(registered);
    try {
      model.transformSchema(inputSchema);
    } catch (Exception e) {
      throw new IllegalStateException("its input does not match the scorer's: " + e.getMessage(), e);
    }
    return new ChampionModel(version, model);
  }
}
