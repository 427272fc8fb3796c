package io.daystream.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a benchmark run measured on, for the results file: the machine, the data and the settings.
 *
 * @param cores processors the JVM sees (Spark runs {@code sparkMaster} on them, beside the embedded broker)
 * @param maxHeapBytes the JVM's {@code -Xmx}
 * @param messages messages on the topic; every variant reads all of them
 * @param averageValueBytes mean size of a message's JSON value
 * @param produceMs time to generate and send them, once, before any variant runs
 * @param storedRows rows every output table held before its run, on earlier event days
 * @param overrides the {@code --set} configuration overrides every run had
 * @param loadBefore the machine's 1-minute load average before producing, as /proc/loadavg says
 *     ("n/a" elsewhere): other processes on the same cores slow every variant down
 * @param loadAfter the same after the last run
 */
public record BenchmarkSetup(
    Instant startedAt,
    int cores,
    String java,
    long maxHeapBytes,
    String os,
    String sparkVersion,
    String sparkMaster,
    int shufflePartitions,
    String stream,
    String topic,
    int partitions,
    long messages,
    double averageValueBytes,
    long produceMs,
    long maxOffsetsPerTrigger,
    long storedRows,
    List<String> overrides,
    int rounds,
    String loadBefore,
    String loadAfter) {

  /** The 1-minute load average, or "n/a" where /proc/loadavg does not exist. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
