package io.daystream.ingestion.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a micro-batch says about itself in its bronze commit ({@code userMetadata}), so that a
 * batch that writes bronze rows costs one commit, not two: its label, what came in, what was
 * quarantined, and how far each Kafka partition came in event time. The rows it wrote are the
 * commit's own {@code numTargetRowsInserted}; it ended at the commit's timestamp.
 *
 * @param label unique per micro-batch: query, query id, batch id (see {@code BronzeBatchWriter})
 * @param batchTime the time the watermark's clock gives the batch: its partitions delivered then
 * @param latestEventTimeByPartition the latest valid event time each Kafka partition delivered
 */
public record BatchCommitInfo(String label, String query, String stream, long batchId, long inputRows,
    long quarantinedRows, Instant startedAt, Instant batchTime, Map<Integer, Instant> latestEventTimeByPartition) {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Marks Daystream's metadata among any other a writer may leave. */
  private static final String FORMAT = "daystream.batch/1";

  public BatchCommitInfo {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(batchTime, "batchTime");
    latestEventTimeByPartition = Map.copyOf(latestEventTimeByPartition);
  }

  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("format", FORMAT);
    node.put("label", label);
    node.put("query", query);
    node.put("stream", stream);
    node.put("batch_id", batchId);
    node.put("input_rows", inputRows);
    node.put("quarantined_rows", quarantinedRows);
    node.put("started_at", startedAt.toString());
    node.put("batch_time", batchTime.toString());
    ObjectNode partitions = node.putObject("partition_event_times");
    new TreeMap<>(latestEventTimeByPartition).forEach((p, t) -> partitions.put(Integer.toString(p), t.toString()));
    return node.toString();
  }

  /**
   * The batch info a commit carries; empty for a commit without any (another writer's, or a batch
   * of an earlier version, whose metadata was its bare label) or with metadata of another shape.
   */
  public static Optional<BatchCommitInfo> parse(String userMetadata) {
    if (userMetadata == null || !userMetadata.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(userMetadata);
      if (!FORMAT.equals(node.path("format").asText())) {
        return Optional.empty();
      }
      Map<Integer, Instant> partitions = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.path("partition_event_times").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        partitions.put(Integer.parseInt(field.getKey()), Instant.parse(field.getValue().asText()));
      }
      return Optional.of(new BatchCommitInfo(text(node, "label"), text(node, "query"), text(node, "stream"),
          number(node, "batch_id"), number(node, "input_rows"), number(node, "quarantined_rows"),
          Instant.parse(text(node, "started_at")), Instant.parse(text(node, "batch_time")), partitions));
    } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("no text field " + field);
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong()) {
      throw new IllegalArgumentException("no integer field " + field);
    }
    return value.asLong();
  }

  /**
   * The batch label of a commit's metadata: the info's label, or for a commit of an earlier
   * version, the bare label it carried.
   */
  public static String labelOf(String userMetadata) {
    return parse(userMetadata).map(BatchCommitInfo::label).orElse(userMetadata);
  }
}
