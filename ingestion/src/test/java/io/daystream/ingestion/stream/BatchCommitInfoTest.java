package io.daystream.ingestion.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchCommitInfoTest {

  private static final BatchCommitInfo INFO = new BatchCommitInfo("ingest-tweets/6f1c/12", "ingest-tweets", "tweets",
      12, 8_000, 3, Instant.parse("2020-03-12T10:00:00Z"), Instant.parse("2020-03-12T10:00:04.250Z"),
      Map.of(0, Instant.parse("2020-03-11T23:59:59Z"), 2, Instant.parse("2020-03-12T00:00:01.5Z")));

  @Test
  void whatABatchWritesInItsCommitReadsBackTheSame() {
    assertEquals(Optional.of(INFO), BatchCommitInfo.parse(INFO.toJson()));
    assertEquals("ingest-tweets/6f1c/12", BatchCommitInfo.labelOf(INFO.toJson()));
  }

  @Test
  void aBatchWithoutValidRecordsCarriesNoPartition() {
    BatchCommitInfo empty = new BatchCommitInfo("q/1", "q", "news", 1, 5, 5, INFO.startedAt(), INFO.batchTime(), Map.of());

    assertEquals(Map.of(), BatchCommitInfo.parse(empty.toJson()).orElseThrow().latestEventTimeByPartition());
  }

  @Test
  void aCommitOfAnEarlierVersionCarriedItsBareLabel() {
    assertEquals(Optional.empty(), BatchCommitInfo.parse("ingest-tweets/6f1c/12"));
    assertEquals("ingest-tweets/6f1c/12", BatchCommitInfo.labelOf("ingest-tweets/6f1c/12"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"note\": \"someone's own metadata\"}",
      "{\"format\": \"daystream.batch/1\", \"label\": \"q/1\"}",
      "{\"format\": \"daystream.batch/1\", \"label\": \"q/1\", \"query\": \"q\", \"stream\": \"tweets\", \"batch_id\": \"x\","
          + " \"input_rows\": 1, \"quarantined_rows\": 0, \"started_at\": \"2020-03-12T10:00:00Z\","
          + " \"batch_time\": \"2020-03-12T10:00:01Z\"}",
      "{\"format\": \"daystream.batch/1\", \"label\": \"q/1\", \"query\": \"q\", \"stream\": \"tweets\", \"batch_id\": 1,"
          + " \"input_rows\": 1, \"quarantined_rows\": 0, \"started_at\": \"noon\", \"batch_time\": \"2020-03-12T10:00:01Z\"}",
      "{\"format\": \"daystream.batch/1\", \"label\": \"q/1\", \"query\": \"q\", \"stream\": \"tweets\", \"batch_id\": 1,"
          + " \"input_rows\": 1, \"quarantined_rows\": 0, \"started_at\": \"2020-03-12T10:00:00Z\","
          + " \"batch_time\": \"2020-03-12T10:00:01Z\", \"partition_event_times\": {\"zero\": \"2020-03-12T10:00:00Z\"}}",
      "{not json",
  })
  void metadataOfAnotherShapeIsNoBatchInfo(String metadata) {
    assertTrue(BatchCommitInfo.parse(metadata).isEmpty(), metadata);
  }
}
