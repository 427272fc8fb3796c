package io.daystream.bench.score;

import io.daystream.app.cli.DurationOption;
import io.daystream.app.demo.DemoPipeline;
import io.daystream.app.runtime.DaystreamRuntime;
import io.daystream.bench.report.BenchmarkSetup;
import io.daystream.bench.report.ResultFiles;
import io.daystream.core.config.ConfigLoader;
import io.daystream.core.config.DaystreamConfig;
import io.daystream.core.lake.Lake;
import io.daystream.core.lake.LakeTable;
import io.daystream.datasets.replay.TopicProducer;
import io.daystream.features.engagement.EngagementColumns;
import io.daystream.scoring.job.ScoreJob;
import io.daystream.scoring.job.ScoreJobs;
import io.daystream.training.engagement.EngagementTask;
import io.daystream.training.registry.ModelRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The score job under load (not a test): at each offered rate, requests produced on a schedule
 * into a topic of their own, scored by a job of their own on the same lake; latency from produce
 * to the Delta commit of the request's scores, sustained throughput, backlog, batch sizes and
 * durations, CPU per candidate. Then the largest rate's requests, all in a topic before the job
 * starts, scored as one batch ({@code Trigger.AvailableNow}) for comparison. Writes
 * {@code score-<time>.md/.json}. Builds a small demo world under {@code --home} first unless the
 * lake has a champion already.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "The score job at fixed offered rates: latency, throughput, CPU; beside one batch job.")
public final class ScoreJobBench implements Callable<Integer> {

  /** A small world: built in about 7 minutes on 2 cores (a default demo takes longer). */
  private static final List<String> WORLD = List.of("spark.master=local[2]", "demo.days=5", "demo.users=300",
      "demo.tweets-per-day=40", "demo.impressions-per-day=1000", "demo.windows=[1,2]", "promotion.min-rce=-1000");

  @Option(names = "--home", required = true, description = "Home of the world; built there if it has no champion.")
  private Path home;
  @Option(names = "--rates", split = ",", defaultValue = "1000,5000,20000", description = "Candidates a second.")
  private List<Integer> rates;
  @Option(names = "--seconds", defaultValue = "60", description = "Measured offer per rate.") private int seconds;
  @Option(names = "--warmup-seconds", defaultValue = "10", description = "Offered before the measured span.")
  private int warmupSeconds;
  @Option(names = "--drain-seconds", defaultValue = "60", description = "Longest wait for the backlog after the offer.")
  private int drainSeconds;
  @Option(names = "--candidates-per-request", defaultValue = "50") private int candidatesPerRequest;
  @Option(names = "--trigger", defaultValue = "1s", description = "Micro-batch interval, e.g. 1s, 0.5s.")
  private String trigger;
  @Option(names = "--set", description = "Any configuration key (after the world's), recorded in the results.")
  private List<String> overrides = new ArrayList<>();
  @Option(names = "--out", defaultValue = "bench/results") private Path out;

  private String[] args = new String[0];

  public static void main(String[] args) {
    ScoreJobBench bench = new ScoreJobBench();
    bench.args = args;
    System.exit(new CommandLine(bench).execute(args));
  }

  @Override
  public Integer call() {
    Instant startedAt = Instant.now();
    String loadBefore = BenchmarkSetup.loadAverage();
    DaystreamConfig config = ConfigLoader.defaultsWithHome(home,
        Stream.concat(WORLD.stream(), overrides.stream()).toArray(String[]::new));
    try (DaystreamRuntime runtime = new DaystreamRuntime(config)) {
      SparkSession spark = runtime.spark();
      Lake lake = new Lake(config.lake());
      if (new ModelRegistry(spark, lake).champions(EngagementTask.NAME).isEmpty()) {
        System.out.println("no champion under " + home + ": building the world with the demo");
        new DemoPipeline(runtime).run();
      }
      BatchProgress progress = new BatchProgress();
      spark.streams().addListener(progress);
      RateRun.Setup setup = new RateRun.Setup(spark, config, runtime.kafka(), progress,
          distinct(spark, lake.path(LakeTable.ENGAGEMENTS), EngagementColumns.USER_ID),
          distinct(spark, lake.path(LakeTable.TWEETS), EngagementColumns.TWEET_ID),
          // As the demo's requests: noon of the day after the last day of history.
          config.demo().startDate().plusDays(config.demo().days()).atTime(12, 0).toInstant(ZoneOffset.UTC),
          candidatesPerRequest);
      String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(startedAt);
      List<RateResult> results = new ArrayList<>();
      for (int rate : rates) {
        System.out.printf(Locale.ROOT, "offering %,d candidates a second for %d + %d s%n", rate, warmupSeconds,
            seconds);
        RateResult result = new RateRun(setup).run("score-bench-" + rate + "-" + stamp, rate,
            DurationOption.parse("--trigger", trigger), Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds),
            Duration.ofSeconds(drainSeconds));
        results.add(result);
        System.out.print(ScoreReport.rateLine(result));
      }
      int batchRequests = results.stream().mapToInt(RateResult::requests).max().orElse(0);
      BatchJobResult batch = batchJob(setup, "score-bench-batch-" + stamp, batchRequests);
      String markdown = ScoreReport.markdown(command(), loadBefore, BenchmarkSetup.loadAverage(), config, results,
          batch, warmupSeconds, seconds, trigger, candidatesPerRequest);
      System.out.print(markdown);
      Path file = ResultFiles.write(out, "score", startedAt, markdown,
          ScoreReport.json(command(), config, results, batch, warmupSeconds, seconds, trigger, candidatesPerRequest));
      System.out.println("results: " + file);
    }
    return 0;
  }

  /** What one batch over a pre-filled topic measured. */
  record BatchJobResult(int requests, long candidates, long batches, double seconds, double cpuSeconds) {}

  /**
   * The same number of requests as the largest rate's, all in the topic before the job starts,
   * scored until idle ({@code Trigger.AvailableNow}, no bound per trigger: one micro-batch).
   */
  private static BatchJobResult batchJob(RateRun.Setup setup, String name, int requests) {
    String topic = "daystream.bench." + name;
    setup.kafka().ensureTopics(List.of(topic));
    try (TopicProducer producer = new TopicProducer(setup.kafka().bootstrapServers(),
        setup.config().kafka().clientProperties())) {
      new OfferedLoad(producer, topic, name, setup.users(), setup.tweets(), setup.candidatesPerRequest(),
          setup.requestedAt()).fill(requests);
    }
    System.out.printf(Locale.ROOT, "one batch job over %,d requests%n", requests);
    try (ScoreJob job = ScoreJobs.create(setup.spark(), setup.config(), setup.kafka().bootstrapServers(),
        Optional.empty(), name, topic)) {
      long cpuStart = RateRun.processCpuNanos();
      long started = System.nanoTime();
      job.start();
      job.awaitTermination();
      return new BatchJobResult(requests, job.totals().candidates(), job.totals().batches(),
          (System.nanoTime() - started) / 1e9, (RateRun.processCpuNanos() - cpuStart) / 1e9);
    }
  }

  private static List<String> distinct(SparkSession spark, String table, String column) {
    return spark.read().format("delta").load(table).select(column).distinct().orderBy(column).collectAsList()
        .stream().map(r -> r.getString(0)).toList();
  }

  private String command() {
    return Stream.concat(Stream.of("bin/daystream-bench", "score"), Stream.of(args)).collect(Collectors.joining(" "));
  }
}
