package io.daystream.app.cli;

import io.daystream.core.config.DaystreamConfig;
import io.daystream.features.day.DayRange;
import io.daystream.training.tasks.RetrainJobs;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every experiment takes: the task, the range of evaluation days, heads and model family. */
final class ExperimentOptions {

  @Mixin
  CommonOptions common;

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "engagement or market.")
  String task;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First evaluation day.")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last evaluation day.")
  LocalDate to;

  @Option(names = "--heads", split = ",", paramLabel = "HEAD",
      description = "Heads, e.g. like,reply (default: training.heads for engagement, every head for market).")
  List<String> heads;

  @Option(names = "--model", paramLabel = "FAMILY", description = "lr or gbt (default: training.model).")
  String model;

  @Option(names = "--json", description = "Print the tables as one JSON object.")
  boolean json;

  /** Checks what needs no Spark, before anything starts. */
  DayRange range(CommandSpec spec) {
    if (!RetrainJobs.TASKS.contains(task)) {
      throw new ParameterException(spec.commandLine(), "--task must be one of " + RetrainJobs.TASKS + ", not '"
          + task + "'");
    }
    if (to.isBefore(from)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    return new DayRange(from, to);
  }

  List<String> heads(CommandSpec spec, DaystreamConfig config) {
    List<String> asked = heads == null ? RetrainJobs.defaultHeads(task, config) : heads;
    for (String head : asked) {
      if (!RetrainJobs.heads(task).contains(head)) {
        throw new ParameterException(spec.commandLine(), "--heads: task " + task + " has no head '" + head
            + "'; its heads: " + RetrainJobs.heads(task));
      }
    }
    return asked;
  }

  String family(DaystreamConfig config) {
    return model == null ? config.training().model() : model;
  }
}
