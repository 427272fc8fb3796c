package io.daystream.training.registry;

import io.daystream.core.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where model files live: a candidate under the staging folder, a registered version in its own
 * folder, which is written once (by a rename of the staging folder) and, once the registration is
 * committed, never again.
 */
final class ModelFiles {

  private final Lake lake;
  private final Configuration hadoop;

  ModelFiles(Lake lake, Configuration hadoop) {
    this.lake = lake;
    this.hadoop = hadoop;
  }

  String stagingPath(String version) {
    return lake.stagedModelPath(version);
  }

  /**
   * Moves the staged files of {@code version} into its version folder and returns that folder.
   *
   * @throws IllegalStateException when nothing is staged, or the version folder exists already
   *     (a registered version's files are never replaced)
   */
  String publish(String version) {
    Path staged = new Path(stagingPath(version));
    Path target = new Path(lake.modelPath(version));
    try {
      FileSystem fs = staged.getFileSystem(hadoop);
      if (!fs.exists(staged)) {
        throw new IllegalStateException("nothing is staged for " + version + " at " + staged
            + ": save the model there before registering it");
      }
      if (fs.exists(target)) {
        throw new IllegalStateException("the files of version " + version + " exist already at " + target
            + "; a registered version's files are never replaced");
      }
      fs.mkdirs(target.getParent());
      if (!fs.rename(staged, target)) {
        throw new IllegalStateException("could not move " + staged + " to " + target);
      }
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish the model files of " + version, e);
    }
  }

  /**
   * Moves the files of {@code version} from its version folder back to staging: the undo of
   * {@link #publish} for a version whose registration was not committed, so nothing served them.
   *
   * @throws IllegalStateException when the files cannot be moved back
   */
  void unpublish(String version) {
    Path published = new Path(lake.modelPath(version));
    Path staged = new Path(stagingPath(version));
    try {
      FileSystem fs = published.getFileSystem(hadoop);
      if (fs.exists(staged) || !fs.rename(published, staged)) {
        throw new IllegalStateException("could not move " + published + " back to " + staged);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the model files of " + version + " back to staging", e);
    }
  }
}
