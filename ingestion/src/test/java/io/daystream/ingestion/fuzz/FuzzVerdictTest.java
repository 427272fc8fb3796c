package io.daystream.ingestion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.ingestion.stream.IngestedStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdict finds each way a message can end in the wrong place, and nothing when all is right. */
class FuzzVerdictTest {

  private static final StreamShape SHAPE = new StreamShape(IngestedStream.NEWS);
  private static final List<FuzzMessage> CORPUS =
      FuzzCorpus.generate(SHAPE, 3, 400, 1, Instant.parse("2024-06-01T00:00:00Z"), 300);

  @Test
  void outcomesAsTheRulesSayAreClean() {
    FuzzVerdict verdict = FuzzVerdict.judge(SHAPE, CORPUS, bronze(), quarantine(), Optional.empty());
    assertTrue(verdict.clean(), verdict.report());
  }

  @Test
  void aChangedValueAMissingRecordAWrongReasonAndADoubleQuarantineAreEachFound() {
    List<Map<String, Object>> bronze = bronze();
    bronze.get(0).put("title", "something else");
    bronze.remove(1);
    List<FuzzVerdict.QuarantineRow> quarantine = quarantine();
    FuzzVerdict.QuarantineRow first = quarantine.get(0);
    quarantine.set(0, new FuzzVerdict.QuarantineRow(first.key(), first.topic(), first.partition(), first.offset(),
        "some other reason"));
    FuzzVerdict.QuarantineRow second = quarantine.get(1);
    quarantine.add(second);

    FuzzVerdict verdict = FuzzVerdict.judge(SHAPE, CORPUS, bronze, quarantine, Optional.empty());

    List<String> observed = verdict.mismatches().stream().map(FuzzVerdict.Mismatch::observed).toList();
    assertTrue(observed.contains("landed with another title"), observed.toString());
    assertTrue(observed.contains("neither in bronze nor in the quarantine"), observed.toString());
    assertTrue(observed.contains("quarantined as \"some other reason\""), observed.toString());
    assertTrue(observed.stream().anyMatch(o -> o.startsWith("quarantined 2 times")), observed.toString());
    assertEquals(5, verdict.mismatches().size(), verdict.report()); // the double row counts by key and by offset
  }

  @Test
  void aRecordThatShouldHaveBeenQuarantinedButLandedIsFound() {
    FuzzMessage bad = CORPUS.stream().filter(m -> !m.expected().lands() && m.field() != null
        && !m.field().equals(SHAPE.labelField())).findFirst().orElseThrow();
    List<Map<String, Object>> bronze = bronze();
    Map<String, Object> landed = new LinkedHashMap<>(bronze.get(0));
    landed.put(SHAPE.labelField(), SHAPE.labelValue(bad.label()));
    bronze.add(landed);
    List<FuzzVerdict.QuarantineRow> quarantine = new ArrayList<>(quarantine());
    quarantine.removeIf(row -> row.key().equals(bad.label()));

    FuzzVerdict verdict = FuzzVerdict.judge(SHAPE, CORPUS, bronze, quarantine, Optional.empty());

    assertFalse(verdict.clean());
    assertEquals(1, verdict.mismatches().size(), verdict.report());
    assertEquals("landed", verdict.mismatches().get(0).observed());
    assertEquals(bad.kind(), verdict.mismatches().get(0).kind());
  }

  private static List<Map<String, Object>> bronze() {
    List<Map<String, Object>> rows = new ArrayList<>();
    CORPUS.stream().filter(m -> m.expected().lands() && !m.redelivery())
        .forEach(m -> rows.add(new LinkedHashMap<>(m.record())));
    return rows;
  }

  private static List<FuzzVerdict.QuarantineRow> quarantine() {
    List<FuzzVerdict.QuarantineRow> rows = new ArrayList<>();
    long offset = 0;
    for (FuzzMessage m : CORPUS) {
      offset++;
      if (!m.expected().lands()) {
        String reason = String.join(" ", m.expected().allOf())
            + (m.expected().anyOf().isEmpty() ? "" : " " + m.expected().anyOf().get(0));
        rows.add(new FuzzVerdict.QuarantineRow(m.label(), "daystream.news", 0, offset, reason));
      }
    }
    return rows;
  }
}
