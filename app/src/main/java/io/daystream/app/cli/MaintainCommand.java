package io.daystream.app.cli;

import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.ingestion.maintenance.ForgottenUser;
import io.daystream.ingestion.maintenance.LakeMaintenance;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daystream maintain}: compaction, vacuum and deletion requests on the lake. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = "Compacts small files (OPTIMIZE) and vacuums files older than ingestion.vacuum-retention-hours in "
        + "every table; with --forget-user, first deletes one user's rows from every table that holds users and "
        + "the quarantined messages that name them, and lists the model versions trained on days that held them.")
public final class MaintainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Option(names = "--forget-user", paramLabel = "ID", description = "Delete this user's tweets, engagements, scores, "
      + "top-N rows and quarantined messages; list the model versions trained on their days.")
  private String forgetUser;

  @Option(names = "--no-optimize", description = "Skip the compaction.")
  private boolean skipOptimize;

  @Option(names = "--no-vacuum", description = "Skip the vacuum.")
  private boolean skipVacuum;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    PrintWriter out = spec.commandLine().getOut();
    List<LakeTable> tables = Arrays.asList(LakeTable.values());
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      Lake lake = new Lake(config.lake());
      LakeMaintenance maintenance = new LakeMaintenance(runtime.spark(), lake);
      if (forgetUser != null) {
        forget(maintenance, new ModelRegistry(runtime.spark(), lake), out);
      }
      if (!skipOptimize) {
        maintenance.optimize(tables).forEach((table, files) ->
            out.printf("optimize %s: %d small files compacted%n", table.folder(), files));
      }
      if (!skipVacuum) {
        maintenance.vacuum(tables, config.ingestion().vacuumRetentionHours());
        out.printf("vacuum: files older than %d h removed%n", config.ingestion().vacuumRetentionHours());
      }
    }
    return ExitCodes.OK;
  }

  /**
   * Deletes the user's rows, then lists the model versions that learnt from them: those trained
   * on a day that held the user's rows. They stay registered; retraining or retiring them is the
   * operator's call.
   */
  private void forget(LakeMaintenance maintenance, ModelRegistry registry, PrintWriter out) {
    ForgottenUser forgotten = maintenance.forgetUser(forgetUser);
    forgotten.deletedRows().forEach((table, rows) ->
        out.printf("forget %s: %d rows deleted from %s%n", forgetUser, rows, table.folder()));
    SortedSet<LocalDate> days = forgotten.eventDays();
    out.printf("forget %s: bronze rows on %d days%s%n", forgetUser, days.size(),
        days.isEmpty() ? "" : ", " + days.first() + " to " + days.last());
    List<ModelVersion> versions = registry.trainedOnAnyOf(days);
    out.printf("forget %s: %d model versions trained on those days (retrain or retire them)%n",
        forgetUser, versions.size());
    for (ModelVersion version : versions) {
      long learnt = days.stream().filter(version::trainedOn).count();
      out.printf("forget %s: model %s trained on %s to %s, %d of those days%n", forgetUser, version.version(),
          version.trainFirstDay(), version.trainLastDay(), learnt);
    }
  }
}
