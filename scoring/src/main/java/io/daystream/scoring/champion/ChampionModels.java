package io.daystream.scoring.champion;

import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the champion alias of a head before each batch (one small read) and loads the model when
 * the alias moved, so a promotion (or rollback) reaches a running scorer without a restart.
 */
public final class ChampionModels {

  private static final Logger LOG = LoggerFactory.getLogger(ChampionModels.class);

  private final ModelRegistry registry;
  private final String task;
  private final String head;
  private ChampionModel loaded;

  public ChampionModels(ModelRegistry registry, String task, String head) {
    this.registry = registry;
    this.task = task;
    this.head = head;
  }

  /** The champion now, loaded; empty when none was ever promoted. */
  public synchronized Optional<ChampionModel> current() {
    Optional<String> version = registry.champion(task, head).version();
    if (version.isEmpty()) {
      return Optional.empty();
    }
    if (loaded == null || !loaded.version().equals(version.get())) {
      ModelVersion model = registry.find(version.get()).orElseThrow(() -> new IllegalStateException(
          "champion " + version.get() + " of " + task + "/" + head + " is not in the model registry"));
      LOG.info("loading champion {} from {}", model.version(), model.requireModelPath());
      loaded = new ChampionModel(model.version(), PipelineModel.load(model.requireModelPath()));
    }
    return Optional.of(loaded);
  }
}
