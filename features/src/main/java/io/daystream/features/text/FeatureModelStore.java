package io.daystream.features.text;

import io.daystream.core.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;

/**
 * Fitted feature models by name and version under {@link Lake#featureModelPath}: a version is
 * fitted once, saved, and from then on only loaded, so every day and every reader applies the
 * very same fitted stages. A model is saved to a temporary folder and renamed into place, so a
 * reader never loads half a model and of two concurrent first fits one wins.
 */
public final class FeatureModelStore {

  private final SparkSession spark;
  private final Lake lake;

  public FeatureModelStore(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /**
   * The saved model {@code name}/{@code version}, fitted with {@code fit} and saved first when
   * there is none. Always returns the model as loaded from the lake.
   */
  public PipelineModel loadOrFit(String name, String version, Supplier<PipelineModel> fit) {
    Path target = new Path(lake.featureModelPath(name, version));
    try {
      FileSystem fs = target.getFileSystem(spark.sessionState().newHadoopConf());
      if (!fs.exists(target)) {
        Path temporary = new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID());
        fs.mkdirs(target.getParent());
        fit.get().write().save(temporary.toString());
        try {
          // Options.Rename.NONE: fails instead of moving the folder inside an existing target.
          FileContext.getFileContext(target.toUri(), fs.getConf()).rename(temporary, target, Options.Rename.NONE);
        } catch (FileAlreadyExistsException e) {
          // Another process saved the same version first: theirs is the model.
          fs.delete(temporary, true);
        }
      }
      return PipelineModel.load(target.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load or save feature model " + target, e);
    }
  }

  /** Where {@code name}/{@code version} is (or would be) saved. */
  public String pathOf(String name, String version) {
    return lake.featureModelPath(name, version);
  }
}
