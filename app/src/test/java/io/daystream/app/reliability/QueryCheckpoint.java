package io.daystream.app.reliability;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * What a Structured Streaming checkpoint folder says about its query, read from outside the
 * process that runs it. Spark writes {@code offsets/N} when it plans batch N (the Kafka range it
 * will read) and {@code commits/N} when batch N is done; both by an atomic rename, so a file that
 * is there is whole. Between the two files, batch N is running.
 */
final class QueryCheckpoint {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  QueryCheckpoint(Path folder) {
    this.folder = folder;
  }

  /** Ids of the batches Spark has planned. */
  TreeSet<Long> planned() {
    return batchIds("offsets");
  }

  /** Ids of the batches Spark has finished. */
  TreeSet<Long> committed() {
    return batchIds("commits");
  }

  OptionalLong lastPlanned() {
    TreeSet<Long> ids = planned();
    return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.last());
  }

  boolean isCommitted(long batchId) {
    return Files.exists(folder.resolve("commits").resolve(Long.toString(batchId)));
  }

  /** The Kafka offsets batch {@code batchId} reads up to (exclusive), per partition. */
  Map<TopicPartition, Long> endOffsets(long batchId) {
    try {
      List<String> lines = Files.readAllLines(folder.resolve("offsets").resolve(Long.toString(batchId)));
      // Line 1 is the format version, line 2 the batch metadata, then one line per source.
      Map<String, Map<String, Long>> byTopic = JSON.readValue(lines.get(lines.size() - 1), new TypeReference<>() {});
      Map<TopicPartition, Long> offsets = new HashMap<>();
      byTopic.forEach((topic, partitions) -> partitions.forEach(
          (partition, offset) -> offsets.put(new TopicPartition(topic, Integer.parseInt(partition)), offset)));
      return offsets;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read offsets of batch " + batchId + " in " + folder, e);
    }
  }

  /** Whether the query has finished a batch that read every partition of its topic up to {@code ends}. */
  boolean hasCommittedUpTo(Map<TopicPartition, Long> ends, String topic) {
    TreeSet<Long> committed = committed();
    if (committed.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> reached = endOffsets(committed.last());
    return ends.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic))
        .allMatch(e -> reached.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  private TreeSet<Long> batchIds(String log) {
    Path dir = folder.resolve(log);
    TreeSet<Long> ids = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return ids;
    }
    try (Stream<Path> files = Files.list(dir)) {
      // Spark's temporary files start with a dot; only plain numbers are batches.
      files.map(f -> f.getFileName().toString())
          .filter(n -> n.matches("\\d+"))
          .forEach(n -> ids.add(Long.parseLong(n)));
    } catch (IOException e) {
      // The folder can change while it is listed; the next poll sees it settled.
      return ids;
    }
    return ids;
  }
}
