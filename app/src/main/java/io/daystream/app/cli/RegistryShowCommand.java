package io.daystream.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daystream registry show V}: one version's whole lineage, metrics and files. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Shows one model version: status, lineage (task, head, window, training days, table versions "
        + "read, feature-set version, model family and parameters, seed, rows, positives), training time, metrics, "
        + "model folder, and whether it is the champion.")
public final class RegistryShowCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CommonOptions common;

  @Parameters(index = "0", paramLabel = "VERSION", description = "The version id, as `registry list` prints it.")
  private String version;

  @Option(names = "--json", description = "Print one JSON object.")
  private boolean json;

  @Override
  public Integer call() {
    DaystreamConfig config = common.load();
    ObjectNode node;
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      ModelRegistry registry = new ModelRegistry(runtime.spark(), new Lake(config.lake()));
      ModelVersion found = registry.require(version);
      boolean champion = registry.champion(found.task(), found.head()).version()
          .filter(found.version()::equals).isPresent();
      node = RegistryJson.version(found, champion);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(node);
      return ExitCodes.OK;
    }
    print(out, "", node);
    return ExitCodes.OK;
  }

  /** One "key: value" line per field; a map's entries indented under its key. */
  private static void print(PrintWriter out, String indent, JsonNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isObject()) {
        out.println(indent + field.getKey() + ":");
        print(out, indent + "  ", field.getValue());
      } else {
        out.println(indent + field.getKey() + ": " + (field.getValue().isNull() ? "-" : field.getValue().asText()));
      }
    }
  }
}
