package io.daystream.bench;

import io.daystream.bench.messages.BenchmarkMessages;
import io.daystream.bench.report.BenchmarkReport;
import io.daystream.bench.report.BenchmarkSetup;
import io.daystream.bench.run.ConsumerRun;
import io.daystream.bench.run.RunResult;
import io.daystream.bench.run.SparkRunner;
import io.daystream.bench.run.SparkVariant;
import io.daystream.bench.run.VariantRun;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.config.InvalidConfigException;
import io.daystream.core.kafka.KafkaEndpoint;
import io.daystream.core.spark.SparkSessionFactory;
import io.daystream.datasets.replay.TopicProducer;
import io.daystream.ingestion.stream.IngestedStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/daystream-bench}: sends N messages to one topic of an embedded broker once, then reads
 * them with a plain consumer, with bare Spark pipelines and with Daystream's ingestion job, each
 * run from an empty output table and checkpoint, and writes the figures to a results file.
 */
@Command(
    name = "daystream-bench",
    mixinStandardHelpOptions = true,
    description = "Measures Daystream's ingestion beside a bare Spark Kafka-to-Delta query and a plain Kafka consumer "
        + "on the same topic; writes ingestion-<date>.md and .json to the results folder.")
public final class IngestionBenchmark implements Callable<Integer> {

  private static final Duration CONSUMER_TIMEOUT = Duration.ofMinutes(10);

  @Option(names = "--messages", paramLabel = "N", defaultValue = "200000",
      description = "Messages produced to the topic and read by every variant (default: ${DEFAULT-VALUE}).")
  private long messages;

  @Option(names = "--stream", paramLabel = "S", defaultValue = "engagements",
      description = "engagements (about 520-byte JSON, no text) or tweets (text wrapped in HTML, so cleaning has work) "
          + "(default: ${DEFAULT-VALUE}).")
  private String streamName;

  @Option(names = "--max-offsets-per-trigger", paramLabel = "N", defaultValue = "50000",
      description = "Messages per micro-batch, the same for every Spark variant (default: ${DEFAULT-VALUE}).")
  private long maxOffsetsPerTrigger;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
      description = "Times every variant runs, in turn; the last round is the result, earlier ones warm up "
          + "the JIT and Spark (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--variants", split = ",", paramLabel = "V",
      description = "Variants to run, of kafka-consumer, spark-append, spark-append-by-day, spark-merge-by-day, "
          + "daystream (default: all).")
  private List<String> variants = List.of(ConsumerRun.NAME, "spark-append", "spark-append-by-day",
      "spark-merge-by-day", "daystream");

  @Option(names = "--stored-rows", paramLabel = "N", defaultValue = "0",
      description = "Rows each output table already holds when its run starts, on 60 event days before the "
          + "messages' (history a MERGE may have to look through); not timed (default: ${DEFAULT-VALUE}).")
  private long storedRows;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic messages (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--home", paramLabel = "DIR",
      description = "Folder for the broker's log and every run's tables, kept afterwards (default: a temporary "
          + "folder, deleted at the end). Must not hold the topic already.")
  private Path home;

  @Option(names = "--results", paramLabel = "DIR",
      description = "Folder of the results files (default: bench/results of the checkout).")
  private Path results = Path.of(System.getProperty("daystream.bench.results", "bench/results"));

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Overrides a configuration key for every run, e.g. --set kafka.partitions=4.")
  private List<String> overrides = new ArrayList<>();

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new IngestionBenchmark());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof IllegalArgumentException) {
        commandLine.getErr().println("daystream-bench: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws IOException {
    IngestedStream stream = IngestedStream.byName(streamName);
    BenchmarkMessages source = new BenchmarkMessages(stream, seed);
    Map<String, String> descriptions = describe(variants);
    requirePositive("--messages", messages);
    requirePositive("--max-offsets-per-trigger", maxOffsetsPerTrigger);
    requirePositive("--rounds", rounds);
    if (storedRows < 0) {
      throw new IllegalArgumentException("--stored-rows must not be negative, was " + storedRows);
    }
    Instant startedAt = Instant.now();
    String loadBefore = BenchmarkSetup.loadAverage();
    boolean temporaryHome = home == null;
    Path benchHome = temporaryHome ? Files.createTempDirectory("daystream-bench-") : home;
    try {
      DaystreamConfig config = configFor(benchHome, List.of());
      try (KafkaEndpoint kafka = KafkaEndpoint.open(config.kafka())) {
        String topic = stream.topic(config.kafka().topics());
        kafka.ensureTopics(List.of(topic));
        if (kafka.messageCount(topic) != 0) {
          throw new IllegalArgumentException("topic " + topic + " already holds messages; use a new --home");
        }
        BenchmarkMessages.Sent sent;
        try (TopicProducer producer = new TopicProducer(kafka.bootstrapServers(), config.kafka().clientProperties())) {
          sent = source.produce(producer, topic, messages);
        }
        System.out.printf(Locale.ROOT, "produced %,d %s messages (%.0f bytes each on average) in %.1f s%n",
            sent.messages(), stream.streamName(), sent.averageValueBytes(), sent.elapsedMs() / 1000.0);

        SparkSession spark = SparkSessionFactory.getOrCreate(config.spark());
        List<RunResult> runs;
        try {
          runs = runRounds(spark, kafka, stream, benchHome, !temporaryHome);
        } finally {
          spark.stop();
        }
        BenchmarkSetup setup = new BenchmarkSetup(startedAt, Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            org.apache.spark.package$.MODULE$.SPARK_VERSION(), config.spark().master(),
            config.spark().shufflePartitions(), stream.streamName(), topic, config.kafka().partitions(),
            sent.messages(), sent.averageValueBytes(), sent.elapsedMs(), maxOffsetsPerTrigger, storedRows, List.copyOf(overrides), rounds, loadBefore,
            BenchmarkSetup.loadAverage());
        BenchmarkReport report = new BenchmarkReport(setup, runs, descriptions);
        Path written = report.writeTo(results);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("results: " + written.toAbsolutePath() + " (and .json)");
      }
    } finally {
      if (temporaryHome) {
        deleteRecursively(benchHome);
      }
    }
    return 0;
  }

  private List<RunResult> runRounds(SparkSession spark, KafkaEndpoint kafka, IngestedStream stream, Path benchHome,
      boolean keepOutputs) {
    DaystreamConfig config = configFor(benchHome, List.of());
    String topic = stream.topic(config.kafka().topics());
    ConsumerRun consumer = new ConsumerRun(kafka.bootstrapServers(), config.kafka().clientProperties());
    SparkRunner runner = new SparkRunner(spark);
    List<RunResult> runs = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (String variant : variants) {
        // Garbage left by the previous run would otherwise be collected on this run's time.
        System.gc();
        RunResult result;
        if (variant.equals(ConsumerRun.NAME)) {
          result = consumer.readAll(topic, messages, round, CONSUMER_TIMEOUT);
        } else {
          Path runHome = benchHome.resolve("runs").resolve("round-" + round + "-" + variant);
          DaystreamConfig runConfig = configFor(runHome, List.of("kafka.bootstrap-servers=" + kafka.bootstrapServers()));
          result = runner.run(SparkVariant.byName(variant),
              new VariantRun(spark, runConfig, kafka.bootstrapServers(), stream, storedRows), round, messages);
          if (!keepOutputs) {
            deleteRecursively(runHome);
          }
        }
        runs.add(result);
        System.out.printf(Locale.ROOT, "round %d %-20s %,9.0f rows/s sustained, %,9.0f rows/s wall (%.1f s), batch median %d ms%n",
            round, variant, result.sustainedRowsPerSecond(), result.wallRowsPerSecond(), result.wallMs() / 1000.0,
            result.medianBatchMs());
      }
    }
    return runs;
  }

  private DaystreamConfig configFor(Path runHome, List<String> extra) {
    List<String> all = new ArrayList<>(overrides);
    all.add("kafka.max-offsets-per-trigger=" + maxOffsetsPerTrigger);
    all.addAll(extra);
    try {
      return ConfigLoader.load(null, runHome, all);
    } catch (InvalidConfigException e) {
      throw new IllegalArgumentException("invalid configuration: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> describe(List<String> variants) {
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("--variants names no variant");
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (String variant : variants) {
      descriptions.put(variant, variant.equals(ConsumerRun.NAME)
          ? "KafkaConsumer, assign all partitions, poll and count every record (no Spark)"
          : SparkVariant.byName(variant).description());
    }
    return descriptions;
  }

  private static void requirePositive(String option, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, was " + value);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
