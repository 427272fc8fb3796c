package io.daystream.ingestion.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.daystream.ingestion.stream.IngestedStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fuzz corpus says of each message what a strict reader sees: a message meant to land is one
 * valid JSON object (no duplicate field, nothing after it) that holds the expected values; one
 * expected as malformed JSON or as invalid UTF-8 really is; one expected to fail a field rule is
 * otherwise readable JSON. So a mismatch in {@link StreamFuzzIT} is the parser's, not the corpus's.
 */
class FuzzCorpusTest {

  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ObjectMapper STRICT_WITH_NAN = STRICT.copy()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  @ParameterizedTest
  @EnumSource(IngestedStream.class)
  void everyExpectationIsWhatAStrictReaderSees(IngestedStream stream) {
    StreamShape shape = new StreamShape(stream);
    List<FuzzMessage> corpus = FuzzCorpus.generate(shape, 7, 600, 2, NOW, 2000);
    List<String> wrong = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    Set<List<Object>> landingKeys = new HashSet<>();
    int lands = 0;
    for (FuzzMessage message : corpus) {
      if (message.redelivery()) {
        assertTrue(labels.contains(message.label()), "a re-delivery repeats a sent message");
        continue;
      }
      assertTrue(labels.add(message.label()), "label used twice: " + message.label());
      Expected expected = message.expected();
      if (expected.lands()) {
        lands++;
        List<Object> key = stream.keyColumns().stream().map(message.record()::get).toList();
        assertTrue(landingKeys.add(key), "natural key used twice: " + key + " by " + message.what());
      }
      String problem = check(shape, message);
      if (problem != null) {
        wrong.add(message.what() + " (" + message.label() + "): " + problem);
      }
    }
    assertTrue(wrong.isEmpty(), wrong.size() + " inconsistent expectations:\n" + String.join("\n", wrong));
    long mutatedLanding = corpus.stream().filter(m -> m.expected().lands() && !m.kind().equals("good")
        && !m.redelivery()).count();
    long quarantined = corpus.stream().filter(m -> !m.expected().lands()).count();
    System.out.printf("%s: %d messages, %d land (%d of them mutated), %d quarantined%n", stream.streamName(),
        corpus.size(), lands, mutatedLanding, quarantined);
    assertTrue(mutatedLanding > 50, "mutations that land: " + mutatedLanding);
    assertTrue(quarantined > 200, "mutations that are quarantined: " + quarantined);
  }

  @ParameterizedTest
  @EnumSource(IngestedStream.class)
  void theSameSeedGivesTheSameMessages(IngestedStream stream) {
    StreamShape shape = new StreamShape(stream);
    List<FuzzMessage> first = FuzzCorpus.generate(shape, 11, 400, 1, NOW, 500);
    List<FuzzMessage> second = FuzzCorpus.generate(shape, 11, 400, 1, NOW, 500);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).label(), second.get(i).label());
      assertArrayEquals(first.get(i).value(), second.get(i).value(), first.get(i).what());
    }
    assertFalse(first.stream().map(FuzzMessage::label).toList()
        .equals(FuzzCorpus.generate(shape, 12, 400, 1, NOW, 500).stream().map(FuzzMessage::label).toList()),
        "another seed, another order");
  }

  /** What is wrong with the message's expectation, or null. */
  private static String check(StreamShape shape, FuzzMessage message) {
    Expected expected = message.expected();
    byte[] value = message.value();
    boolean utf8Expected = expected.allOf().contains("message is not valid UTF-8");
    if (value == null || value.length == 0) {
      return expected.allOf().contains("empty message") ? null : "empty value not expected as empty";
    }
    boolean validUtf8 = isUtf8(value);
    if (utf8Expected || !validUtf8) {
      return utf8Expected == !validUtf8 ? null : "UTF-8 validity does not match the expectation";
    }
    if (expected.anyOf().contains("malformed JSON")) {
      return null; // whitespace only: either reason
    }
    boolean malformedExpected = expected.allOf().contains("malformed JSON");
    JsonNode node;
    try {
      node = (malformedExpected || expected.lands() ? STRICT : STRICT_WITH_NAN).readTree(value);
    } catch (java.io.IOException e) {
      return malformedExpected ? null : "a strict reader refuses it: " + e.getMessage().lines().findFirst().orElse("");
    }
    if (node == null || !node.isObject()) {
      return malformedExpected ? null : "not a JSON object";
    }
    if (malformedExpected) {
      return "expected malformed, but a strict reader reads it";
    }
    if (!expected.lands()) {
      return null;
    }
    for (FieldSpec field : shape.fields()) {
      if (field.kind() == FieldKind.TIMESTAMP) {
        continue; // the spellings rules.md allows are more than Instant.parse reads
      }
      Object read = StreamShape.typed(field.kind(), node.get(field.name()));
      Object want = message.record().get(field.name());
      if (!FuzzVerdict.sameValue(want, read)) {
        return field.name() + ": expected " + want + ", the message holds " + read;
      }
    }
    return null;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
