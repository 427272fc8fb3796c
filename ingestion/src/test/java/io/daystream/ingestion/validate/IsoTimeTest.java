package io.daystream.ingestion.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
      "2020-03-12T10:00:00Z, 2020-03-12T10:00:00Z",
      "2020-03-12T10:00:00.123456789Z, 2020-03-12T10:00:00.123456789Z",
      "2020-03-12T10:00Z, 2020-03-12T10:00:00Z",
      "2020-03-12 10:00:00, 2020-03-12T10:00:00Z",
      "2020-03-12T10:00:00+01:00, 2020-03-12T09:00:00Z",
      "2020-03-12T10:00:00-0530, 2020-03-12T15:30:00Z",
      "2020-03-12T10:00:00+02, 2020-03-12T08:00:00Z",
      "2020-03-12, 2020-03-12T00:00:00Z",
      "2020-02-29T23:59:59Z, 2020-02-29T23:59:59Z",
  })
  void readsIsoTimestamps(String text, String expected) {
    assertEquals(Instant.parse(expected), IsoTime.parseTimestamp(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"2021-02-30T00:00:00Z", "2021-02-29", "2020-13-01T00:00:00Z", "2020-03-12T24:00:00Z",
      "2020-03-12T10:61:00Z", "2020-03-12T23:59:60Z", "10000-01-01T00:00:00Z", "soon", "", "2020-03-12T",
      "2020-03-12T10:00:00+25:00", "2020-03-12X10:00:00Z", "1584007200", "2020-03-12T10:00:00ZZ"})
  void refusesWhatIsNoRealTime(String text) {
    assertThrows(DateTimeException.class, () -> IsoTime.parseTimestamp(text));
  }
}
