package io.daystream.app.cli;

import io.daystream.app.log.JobLog;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every job shares: where its configuration comes from, where it writes, how much it says. */
public final class CommonOptions {

  @Option(names = "--conf", paramLabel = "FILE", description = "HOCON file overriding reference.conf.")
  private Path conf;

  @Option(names = "--home", paramLabel = "DIR",
      description = "Root of the lake, checkpoints, models, reports and logs (default ./daystream-home): "
          + "a local folder or a Hadoop URI such as hdfs://nn/daystream or s3a://bucket/daystream.")
  private String home;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one key, e.g. --set training.windows=[3,7] (repeatable).")
  private List<String> overrides = new ArrayList<>();

  @Option(names = "--verbose",
      description = "Print stack traces on the console too; they are always in <home>/logs/daystream.log.")
  private boolean verbose;

  private JobLog log;

  /**
   * Reads and checks the configuration, then starts the job's log under its home; fails before
   * anything starts (and before any folder is made) when a value is wrong.
   */
  public DaystreamConfig load() {
    DaystreamConfig config = home != null && isUri(home)
        ? ConfigLoader.load(conf, null, withHomeFirst(home, overrides))
        : ConfigLoader.load(conf, home == null ? null : Path.of(home), overrides);
    log = JobLog.open(config.home(), verbose);
    return config;
  }

  /** A Hadoop URI kept as written: as a local path, {@code hdfs://nn/x} would lose a slash. */
  private static boolean isUri(String home) {
    return home.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  }

  /** The home as the first override, so a {@code --set home=...} still wins as it does over a folder. */
  private static List<String> withHomeFirst(String home, List<String> overrides) {
    List<String> all = new ArrayList<>();
    all.add("home=" + home);
    all.addAll(overrides);
    return all;
  }

  public boolean verbose() {
    return verbose;
  }

  /** The job's log once {@link #load()} has opened it. */
  public Optional<JobLog> log() {
    return Optional.ofNullable(log);
  }
}
