package io.daystream.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @TempDir
  Path temp;

  private static DaystreamConfig loadWith(String... overrides) {
    return ConfigLoader.load(null, null, List.of(overrides));
  }

  private Path userFile(String content) throws IOException {
    Path file = temp.resolve("user.conf");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  // ---------------------------------------------------------------- reference defaults

  @Test
  void referenceDefaultsLoadAsDocumented() {
    DaystreamConfig config = loadWith();

    // The relative default becomes absolute: Delta rejects relative table locations.
    String defaultHome = java.nio.file.Path.of("daystream-home").toAbsolutePath().toString();
    assertEquals(defaultHome, config.home());
    assertEquals(List.of(3, 7, 14, 21), config.training().windows());
    assertEquals(List.of("like", "reply", "retweet", "quote"), config.training().heads());
    assertEquals(0.0, config.promotion().minRce());
    assertEquals(0.0, config.promotion().minRceGain());
    assertEquals(Duration.ofSeconds(1), config.scoring().trigger());
    assertEquals(12, config.demo().days());
    assertEquals(List.of(3, 7), config.demo().windows());
    assertEquals(LocalDate.of(2020, 3, 1), config.demo().startDate());
    assertEquals("earliest", config.kafka().startingOffsets());
    assertTrue(config.kafka().failOnDataLoss());
    assertEquals(4, config.spark().shufflePartitions());
    assertEquals(Duration.ofDays(2), config.ingestion().lateDataWatermark().forStream("tweets"));
    assertEquals(Duration.ofDays(7), config.ingestion().lateDataWatermark().forStream("prices"));
    assertEquals(Duration.ofMinutes(5), config.ingestion().idlePartitionTimeout());
  }

  @Test
  void lakeFoldersDefaultToBelowTheHome() {
    DaystreamConfig config = loadWith();

    assertEquals(config.home() + "/lake", config.lake().root());
    assertEquals(config.home() + "/checkpoints", config.lake().checkpoints());
    assertEquals(config.home() + "/models", config.lake().models());
    assertEquals(config.home() + "/reports", config.lake().reports());
    assertEquals(config.home() + "/kafka", config.kafka().embeddedLogDir());
  }

  @Test
  void emptyBootstrapServersMeansEmbeddedBroker() {
    assertEquals(Optional.empty(), loadWith().kafka().bootstrapServers());
    assertEquals(Optional.empty(), loadWith("kafka.bootstrap-servers=   ").kafka().bootstrapServers());
  }

  @Test
  void configuredBootstrapServersArePresent() {
    assertEquals(Optional.of("broker-1:9092,broker-2:9092"),
        loadWith("kafka.bootstrap-servers=broker-1:9092,broker-2:9092").kafka().bootstrapServers());
  }

  // ---------------------------------------------------------------- --home

  @Test
  void homeMovesEveryFolderThatDerivesFromIt() {
    Path home = temp.resolve("elsewhere");
    DaystreamConfig config = ConfigLoader.load(null, home, List.of());

    String expected = home.toAbsolutePath().normalize().toString();
    assertEquals(expected, config.home());
    assertEquals(expected + "/lake", config.lake().root());
    assertEquals(expected + "/checkpoints", config.lake().checkpoints());
    assertEquals(expected + "/models", config.lake().models());
    assertEquals(expected + "/reports", config.lake().reports());
    assertEquals(expected + "/kafka", config.kafka().embeddedLogDir());
  }

  @Test
  void homeIsMadeAbsoluteAndNormalized() {
    DaystreamConfig config = ConfigLoader.defaultsWithHome(temp.resolve("a/../b"));

    assertEquals(temp.resolve("b").toAbsolutePath().toString(), config.home());
    assertEquals(temp.resolve("b").toAbsolutePath() + "/lake", config.lake().root());
  }

  @Test
  void anExplicitLakeRootIsNotMovedByHome() {
    DaystreamConfig config = ConfigLoader.load(null, temp.resolve("h"), List.of("lake.root=/data/lake"));

    assertEquals("/data/lake", config.lake().root());
    assertEquals(temp.resolve("h").toAbsolutePath() + "/models", config.lake().models());
  }

  // ---------------------------------------------------------------- --set

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"training.windows=[3,7]", "daystream.training.windows=[3,7]",
      "training.windows = [3, 7]"})
  void setOverridesAList(String override) {
    assertEquals(List.of(3, 7), loadWith(override).training().windows());
  }

  @ParameterizedTest
  @CsvSource({"demo.days=20", "daystream.demo.days=20"})
  void setOverridesANumber(String override) {
    DaystreamConfig config = loadWith(override);

    assertEquals(20, config.demo().days());
    assertEquals(300, config.demo().users(), "keys not set keep their default");
  }

  @Test
  void setHeadsToASubset() {
    assertEquals(List.of("like", "quote"), loadWith("training.heads=[like, quote]").training().heads());
  }

  @Test
  void setHomeIsTheSameAsTheHomeOption() {
    DaystreamConfig config = loadWith("home=/srv/daystream");

    assertEquals("/srv/daystream", config.home());
    assertEquals("/srv/daystream/lake", config.lake().root());
  }

  @Test
  void setWinsOverHomeOption() {
    DaystreamConfig config = ConfigLoader.load(null, temp.resolve("ignored"), List.of("home=/srv/daystream"));

    assertEquals("/srv/daystream/reports", config.lake().reports());
  }

  @Test
  void laterSetOfTheSameKeyWins() {
    assertEquals(15, loadWith("demo.days=13", "demo.days=15").demo().days());
  }

  @Test
  void setAcceptsAMapOfClientProperties() {
    DaystreamConfig config = loadWith("kafka.properties={\"security.protocol\": \"SASL_SSL\"}");

    assertEquals(Map.of("security.protocol", "SASL_SSL"), config.kafka().clientProperties());
  }

  // ---------------------------------------------------------------- user file

  @Test
  void userFileOverridesOnlyWhatItSets() throws IOException {
    Path file = userFile("daystream {\n  training.windows = [5, 10]\n  demo { days = 20 }\n}\n");

    DaystreamConfig config = ConfigLoader.load(file, null, List.of());

    assertEquals(List.of(5, 10), config.training().windows());
    assertEquals(20, config.demo().days());
    // everything else is reference.conf
    assertEquals(List.of("like", "reply", "retweet", "quote"), config.training().heads());
    assertEquals(60, config.training().maxIterations());
    assertEquals(300, config.demo().users());
    assertEquals(List.of(3, 7), config.demo().windows());
    assertEquals(java.nio.file.Path.of("daystream-home").toAbsolutePath() + "/lake", config.lake().root());
  }

  @Test
  void homeSetInUserFileMovesTheDerivedFolders() throws IOException {
    Path file = userFile("daystream.home = \"/mnt/ds\"\n");

    DaystreamConfig config = ConfigLoader.load(file, null, List.of());

    assertEquals("/mnt/ds/lake", config.lake().root());
    assertEquals("/mnt/ds/checkpoints", config.lake().checkpoints());
  }

  @Test
  void homeOptionAndSetBothWinOverTheUserFile() throws IOException {
    Path file = userFile("daystream.home = \"/mnt/ds\"\ndaystream.demo.days = 20\n");
    Path home = temp.resolve("cli-home");

    DaystreamConfig config = ConfigLoader.load(file, home, List.of("demo.days=30"));

    assertEquals(home.toAbsolutePath() + "/lake", config.lake().root());
    assertEquals(30, config.demo().days());
  }

  @Test
  void missingUserFileFailsNamingTheFile() {
    Path missing = temp.resolve("no-such.conf");

    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(missing, null, List.of()));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void userFileThatIsAFolderIsRejected() {
    assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(temp, null, List.of()));
  }

  @Test
  void malformedUserFileFailsWithInvalidConfig() throws IOException {
    Path file = userFile("daystream { training { windows = [3, 7 }\n");

    assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(file, null, List.of()));
  }

  @Test
  void invalidValueInUserFileNamesTheFullKey() throws IOException {
    Path file = userFile("daystream.training.windows = [0]\n");

    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(file, null, List.of()));

    assertTrue(e.getMessage().contains("daystream.training.windows"), e.getMessage());
  }

  // ---------------------------------------------------------------- invalid values

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "training.windows=[0]                | daystream.training.windows",
      "training.windows=[3,-7]             | daystream.training.windows",
      "training.windows=[]                 | daystream.training.windows",
      "training.windows=[3,3]              | daystream.training.windows",
      "training.windows=[3,x]              | daystream.training.windows",
      "training.windows=[3,                | daystream.training.windows",
      "training.heads=[clicks]             | daystream.training.heads",
      "training.heads=[]                   | daystream.training.heads",
      "training.elastic-net-param=1.5      | daystream.training.elastic-net-param",
      "training.reg-param=-0.1             | daystream.training.reg-param",
      "training.model=forest               | daystream.training.model",
      "training.min-rows=0                 | daystream.training.min-rows",
      "training.min-positives=0            | daystream.training.min-positives",
      "training.parallel-fits=0            | daystream.training.parallel-fits",
      "kafka.starting-offsets=middle       | daystream.kafka.starting-offsets",
      "kafka.partitions=0                  | daystream.kafka.partitions",
      "kafka.fail-on-data-loss=maybe       | daystream.kafka.fail-on-data-loss",
      "kafka.bootstrap-servers=host        | daystream.kafka.bootstrap-servers",
      "kafka.bootstrap-servers=h:1,h:0     | daystream.kafka.bootstrap-servers",
      "kafka.connect-timeout=0s            | daystream.kafka.connect-timeout",
      "kafka.connect-timeout=soon          | daystream.kafka.connect-timeout",
      "promotion.min-rce=abc               | daystream.promotion.min-rce",
      "promotion.min-rce=NaN               | daystream.promotion.min-rce",
      "promotion.min-rce-gain=101          | daystream.promotion.min-rce-gain",
      "demo.windows=[3,40]                 | daystream.demo.windows",
      "demo.windows=[3,12]                 | daystream.demo.windows",
      "demo.days=1                         | daystream.demo.days",
      "demo.drift-rate=1.5                 | daystream.demo.drift-rate",
      "demo.start-date=2020-13-01          | daystream.demo.start-date",
      "spark.shuffle-partitions=0          | daystream.spark.shuffle-partitions",
      "spark.app-name=                     | daystream.spark.app-name",
      "scoring.trigger=-1s                 | daystream.scoring.trigger",
      "scoring.trigger=0s                  | daystream.scoring.trigger",
      "scoring.trigger=soon                | daystream.scoring.trigger",
      "scoring.top-n=0                     | daystream.scoring.top-n",
      "scoring.head-weights.like=-1        | daystream.scoring.head-weights.like",
      "scoring.head-weights.like=lots      | daystream.scoring.head-weights.like",
      "scoring.shadow=best                 | daystream.scoring.shadow",
      "kafka.topics.requests=              | daystream.kafka.topics.requests",
      "features.text-hash-features=8       | daystream.features.text-hash-features",
      "ingestion.max-text-length=0         | daystream.ingestion.max-text-length",
      "ingestion.late-data-watermark.prices=0s     | daystream.ingestion.late-data-watermark.prices",
      "ingestion.late-data-watermark.tweets=later  | daystream.ingestion.late-data-watermark.tweets",
      "ingestion.idle-partition-timeout=0s         | daystream.ingestion.idle-partition-timeout",
      "ingestion.metrics-every-batches=0           | daystream.ingestion.metrics-every-batches",
      "home=                               | daystream.home",
  })
  void invalidValueFailsNamingTheFullKey(String override, String key) {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loadWith(override));

    assertTrue(e.getMessage().contains(key), () -> "message should name " + key + ": " + e.getMessage());
  }

  @Test
  void headWeightsDefaultToTheHomeRankersAndNeedOnePositive() {
    assertEquals(Map.of("like", 0.5, "reply", 13.5, "retweet", 1.0, "quote", 1.0), loadWith().scoring().headWeights());
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loadWith(
        "scoring.head-weights.like=0", "scoring.head-weights.reply=0", "scoring.head-weights.retweet=0",
        "scoring.head-weights.quote=0"));
    assertTrue(e.getMessage().contains("at least one head a positive weight"), e.getMessage());
  }

  @Test
  void demoWindowsFitWhenTheLongestIsOneDayShorterThanTheData() {
    // 12 days of data: the last is the evaluation day, so 11 days remain for training
    assertEquals(List.of(3, 11), loadWith("demo.windows=[3,11]").demo().windows());
    assertEquals(List.of(3, 40), loadWith("demo.days=41", "demo.windows=[3,40]").demo().windows());
  }

  @Test
  void demoWindowMessageSaysHowManyDaysAreNeeded() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loadWith("demo.windows=[3,40]"));

    assertTrue(e.getMessage().contains("40"), e.getMessage());
    assertTrue(e.getMessage().contains("12"), e.getMessage());
  }

  /** HOCON keeps the quotes of a --set value; the Kafka client would fail on them much later. */
  @Test
  void quotedBootstrapServersFailNamingTheKeyAndTheValue() {
    InvalidConfigException e =
        assertThrows(InvalidConfigException.class, () -> loadWith("kafka.bootstrap-servers=\"host:9092\""));

    assertTrue(e.getMessage().startsWith("daystream.kafka.bootstrap-servers must not be quoted"), e.getMessage());
    assertTrue(e.getMessage().contains("\"host:9092\""), e.getMessage());
  }

  @Test
  void badBootstrapEntryIsNamed() {
    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> loadWith("kafka.bootstrap-servers=broker-1:9092,broker-2"));

    assertTrue(e.getMessage().contains("daystream.kafka.bootstrap-servers"), e.getMessage());
    assertTrue(e.getMessage().contains("'broker-2': missing port"), e.getMessage());
  }

  @Test
  void spacesAroundCommasAreDroppedFromBootstrapServers() {
    assertEquals(Optional.of("broker-1:9092,[::1]:9093"),
        loadWith("kafka.bootstrap-servers= broker-1:9092 , [::1]:9093 ").kafka().bootstrapServers());
  }

  @Test
  void connectTimeoutDefaultsToFifteenSecondsAndCanBeSet() {
    assertEquals(Duration.ofSeconds(15), loadWith().kafka().connectTimeout());
    assertEquals(Duration.ofSeconds(2), loadWith("kafka.connect-timeout=2s").kafka().connectTimeout());
  }

  @Test
  void startingOffsetsLatestIsAccepted() {
    assertEquals("latest", loadWith("kafka.starting-offsets=latest").kafka().startingOffsets());
  }

  @Test
  void negativeMinRceIsAllowed() {
    assertEquals(-5.0, loadWith("promotion.min-rce=-5").promotion().minRce());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"training.windows", "=5", "''"})
  void setWithoutKeyAndEqualsSignFails(String override) {
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> loadWith(override));

    assertTrue(e.getMessage().contains("key=value"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + override + "'"), e.getMessage());
  }

  // ---------------------------------------------------------------- secrets

  @Test
  void kafkaSettingsToStringHidesPropertyValues() throws IOException {
    String secret = "s3cr3t-Pa55";
    Path file = userFile("daystream.kafka.properties {\n"
        + "  \"security.protocol\" = \"SASL_SSL\"\n"
        + "  \"sasl.jaas.config\" = \"org.apache.kafka.common.security.plain.PlainLoginModule required "
        + "username=\\\"svc\\\" password=\\\"" + secret + "\\\";\"\n"
        + "}\n");

    DaystreamConfig config = ConfigLoader.load(file, null, List.of());
    KafkaSettings kafka = config.kafka();

    assertTrue(kafka.clientProperties().get("sasl.jaas.config").contains(secret), "the value is still passed on");
    String shown = kafka.toString();
    assertTrue(shown.contains("sasl.jaas.config"), shown);
    assertTrue(shown.contains("security.protocol"), shown);
    assertFalse(shown.contains(secret), shown);
    assertFalse(shown.contains("SASL_SSL"), shown);
    assertFalse(config.toString().contains(secret), "the whole config's toString must not leak it either");
  }

  @Test
  void kafkaSettingsToStringHidesPropertyValuesGivenWithSet() {
    KafkaSettings kafka = loadWith("kafka.properties.ssl.keystore.password=hunter2-xyz").kafka();

    assertEquals("hunter2-xyz", kafka.clientProperties().get("ssl.keystore.password"));
    assertTrue(kafka.toString().contains("ssl.keystore.password"), kafka.toString());
    assertFalse(kafka.toString().contains("hunter2-xyz"), kafka.toString());
  }
}
