package io.daystream.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.training.registry.ModelEvaluation;
import io.daystream.training.registry.ModelLineage;
import io.daystream.training.registry.ModelRegistry;
import io.daystream.training.registry.StagedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registry list|show|history} and {@code promote} on a real registry, through the command line. */
class RegistryCommandsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  @Test
  void forcedPromotionsRollbackAndTheirHistory() throws Exception {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home, "spark.master=local[2]");
    List<String> versions = new ArrayList<>();
    SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
    try {
      ModelRegistry registry = new ModelRegistry(spark, new Lake(config.lake()));
      versions.add(register(registry, 1.5));
      versions.add(register(registry, 2.5));
      registry.skip(lineage(), "run-3", "one class: 0 positives of 40 rows");
    } finally {
      spark.stop();
    }

    MainTest.Run none = run("promote", "--task", "engagement", "--head", "like", "--rollback");
    assertEquals(ExitCodes.USAGE, none.code(), none.out());
    assertEquals("daystream: engagement/like has no champion to roll back", none.err().strip());

    assertEquals(0, run("promote", "--task", "engagement", "--head", "like", "--version", versions.get(0)).code());
    MainTest.Run second = run("promote", "--task", "engagement", "--head", "like", "--version", versions.get(1),
        "--reason", "r2 looks better", "--json");
    assertEquals(0, second.code(), second.err());
    JsonNode forced = JSON.readTree(second.out());
    assertEquals("forced", forced.get("action").asText());
    assertEquals(versions.get(0), forced.get("from_version").asText());
    assertEquals(versions.get(1), forced.get("to_version").asText());
    assertEquals("r2 looks better", forced.get("reason").asText());

    MainTest.Run rollback = run("promote", "--task", "engagement", "--head", "like", "--rollback");
    assertEquals(0, rollback.code(), rollback.err());
    assertTrue(rollback.out().startsWith("engagement/like: champion " + versions.get(0) + " (was " + versions.get(1)
        + "), rolled back by "), rollback.out());

    MainTest.Run history = run("registry", "history", "--task", "engagement", "--head", "like",
        "--date", LocalDate.now(java.time.ZoneOffset.UTC).toString(), "--json");
    assertEquals(0, history.code(), history.err());
    JsonNode changes = JSON.readTree(history.out()).get("changes");
    assertEquals(List.of("forced", "forced", "rolled_back"),
        List.of(changes.get(0).get("action").asText(), changes.get(1).get("action").asText(),
            changes.get(2).get("action").asText()));
    JsonNode servedToday = JSON.readTree(history.out()).get("served_on");
    assertEquals(versions.get(0), servedToday.get(servedToday.size() - 1).asText(), history.out());

    MainTest.Run list = run("registry", "list", "--task", "engagement", "--json");
    assertEquals(0, list.code(), list.err());
    JsonNode listed = JSON.readTree(list.out());
    assertEquals(3, listed.size());
    assertEquals(1, countChampions(listed));
    assertEquals("skipped", listed.get(2).get("status").asText());
    assertEquals("one class: 0 positives of 40 rows", listed.get(2).get("status_reason").asText());

    MainTest.Run show = run("registry", "show", versions.get(0), "--json");
    assertEquals(0, show.code(), show.err());
    JsonNode shown = JSON.readTree(show.out());
    assertTrue(shown.get("champion").asBoolean());
    assertEquals(7, shown.get("table_versions").get("gold/engagement_examples").asLong());
    assertEquals(1.5, shown.get("metrics").get("rce").asDouble());
    assertEquals("0.03", shown.get("parameters").get("reg_param").asText());

    MainTest.Run missing = run("registry", "show", "engagement-like-w3-2020-03-12-r9");
    assertEquals(ExitCodes.USAGE, missing.code());
    assertEquals("daystream: no model version engagement-like-w3-2020-03-12-r9 in the registry", missing.err().strip());
  }

  private MainTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--home", home.toString(), "--set", "spark.master=local[2]"));
    return MainTest.run(all.toArray(String[]::new));
  }

  private static int countChampions(JsonNode listed) {
    int champions = 0;
    for (JsonNode version : listed) {
      champions += version.get("champion").asBoolean() ? 1 : 0;
    }
    return champions;
  }

  private static ModelLineage lineage() {
    return new ModelLineage("engagement", "like", 3, LocalDate.of(2020, 3, 9), LocalDate.of(2020, 3, 11),
        LocalDate.of(2020, 3, 12), Map.of("gold/engagement_examples", 7L), "engagement/2", "lr",
        Map.of("reg_param", "0.03"), 42L, 900, 81);
  }

  private static String register(ModelRegistry registry, double rce) throws IOException {
    StagedModel staged = registry.stage(lineage(), "run-" + rce);
    Files.createDirectories(Path.of(staged.stagingPath()));
    Files.writeString(Path.of(staged.stagingPath(), "model"), "placeholder " + rce);
    registry.register(staged, Duration.ofSeconds(3),
        new ModelEvaluation(400, 37, Map.of(ModelEvaluation.RCE, rce, ModelEvaluation.LOG_LOSS, 0.3)));
    return staged.version();
  }
}
