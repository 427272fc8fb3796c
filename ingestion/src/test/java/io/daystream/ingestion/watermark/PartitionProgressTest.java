package io.daystream.ingestion.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

  private static final Duration IDLE = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2021-03-01T12:00:00Z");

  private static Instant day(int n) {
    return Instant.parse("2021-02-01T00:00:00Z").plus(Duration.ofDays(n));
  }

  @Test
  void nothingSeenMeansNoWatermark() {
    assertEquals(Optional.empty(), PartitionProgress.NONE.slowestLatest(IDLE));
  }

  @Test
  void theSlowestPartitionSetsTheWatermark() {
    PartitionProgress progress = PartitionProgress.NONE
        .after(Map.of(0, day(3), 1, day(1)), T0)
        .after(Map.of(0, day(5), 1, day(2)), T0.plusSeconds(10));
    assertEquals(Optional.of(day(2)), progress.slowestLatest(IDLE));
  }

  @Test
  void aPartitionKeepsItsLatestTimeWhenABatchBringsOlderRecords() {
    PartitionProgress progress = PartitionProgress.NONE
        .after(Map.of(0, day(4)), T0)
        .after(Map.of(0, day(2)), T0.plusSeconds(10));
    assertEquals(Optional.of(day(4)), progress.slowestLatest(IDLE));
  }

  @Test
  void anIdlePartitionStopsHoldingTheWatermarkBackAndJoinsAgainWhenItDelivers() {
    PartitionProgress progress = PartitionProgress.NONE
        .after(Map.of(0, day(1), 1, day(1)), T0)
        .after(Map.of(1, day(3)), T0.plus(IDLE)); // partition 0 quiet for exactly the timeout: still active
    assertEquals(Optional.of(day(1)), progress.slowestLatest(IDLE));

    progress = progress.after(Map.of(1, day(4)), T0.plus(IDLE).plusSeconds(1));
    assertEquals(Optional.of(day(4)), progress.slowestLatest(IDLE), "partition 0 idle: left out");

    progress = progress.after(Map.of(0, day(2)), T0.plus(IDLE).plusSeconds(2));
    assertEquals(Optional.of(day(2)), progress.slowestLatest(IDLE), "partition 0 delivered again: it counts");
  }

  @Test
  void whenEveryPartitionIsQuietTheyAreJudgedAgainstTheLastDeliveryNotTheWallClock() {
    PartitionProgress progress = PartitionProgress.NONE.after(Map.of(0, day(1), 1, day(2)), T0);
    // Hours later nothing new has come: both delivered in the last batch, neither is idle.
    assertEquals(Optional.of(day(1)), progress.slowestLatest(IDLE));
  }
}
