package io.daystream.ingestion.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.ingestion.stream.IngestedStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageDecoderTest {

  private static final Instant NOW = Instant.parse("2021-06-01T00:00:00Z");
  private static final String BAR = "{\"symbol\":\"AAPL\",\"trading_date\":\"2021-02-26\",\"open\":1.5,\"high\":2.0,"
      + "\"low\":1.0,\"close\":1.75,\"adj_close\":null,\"volume\":1000}";
  private static final String TWEET = "{\"tweet_id\":\"t1\",\"author_id\":\"a1\",\"text\":\"hello\",\"language\":\"en\","
      + "\"hashtags\":[\"x\"],\"mentions\":[],\"urls\":[],\"created_at\":\"2021-05-01T10:00:00Z\",\"like_count\":3,"
      + "\"reply_count\":0,\"retweet_count\":0,\"quote_count\":0}";

  private final MessageDecoder prices = new MessageDecoder(StreamContract.of(IngestedStream.PRICES, 100));
  private final MessageDecoder tweets = new MessageDecoder(StreamContract.of(IngestedStream.TWEETS, 100));
  private final MessageDecoder news = new MessageDecoder(StreamContract.of(IngestedStream.NEWS, 100));

  private static MessageDecoder.Decoded decode(MessageDecoder decoder, String json) {
    return decoder.decode(json.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void aGoodBarIsReadFieldForField() {
    MessageDecoder.Decoded bar = decode(prices, BAR);
    assertNull(bar.reason());
    assertArrayEquals(new Object[] {"AAPL", LocalDate.of(2021, 2, 26), 1.5, 2.0, 1.0, 1.75, null, 1000L}, bar.values());
  }

  @Test
  void aGoodTweetIsReadFieldForField() {
    MessageDecoder.Decoded tweet = decode(tweets, TWEET);
    assertNull(tweet.reason());
    assertArrayEquals(new Object[] {"t1", "a1", "hello", "en", List.of("x"), List.of(), List.of(),
        Instant.parse("2021-05-01T10:00:00Z"), 3L, 0L, 0L, 0L}, tweet.values());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"trading_date\":\"2021-02-30\"|trading_date: '2021-02-30' is not a valid date",
      "\"trading_date\":\"2021-2-3\"|trading_date: '2021-2-3' is not a valid date",
      "\"trading_date\":\"1899-12-31\"|trading_date: 1899-12-31 is before 1900-01-01",
      "\"trading_date\":\"2021-06-03\"|trading_date is in the future",
      "\"trading_date\":20210226|trading_date: wrong type, expected a yyyy-MM-dd date string, got a number",
      "\"close\":NaN|close: NaN is not a finite number",
      "\"close\":1e400|close: 1e400 is not a finite number",
      "\"close\":-Infinity|close: -Infinity is not a finite number",
      "\"close\":0|non-positive close",
      "\"close\":2e9|close: 2.0E9 is above the sane limit 1.0E9",
      "\"close\":\"1.75\"|close: wrong type, expected a number, got a string",
      "\"close\":{\"value\":1.75}|close: wrong type, expected a number, got an object",
      "\"close\":null|missing close",
      "\"volume\":-1|negative volume",
      "\"volume\":2.5|volume: 2.5 is not a whole number",
      "\"volume\":1e30|volume: 1e30 is out of range (sane limit 1e12)",
      "\"volume\":9223372036854775808|volume: 9223372036854775808 is out of range (sane limit 1e12)",
      "\"symbol\":[\"AAPL\"]|symbol: wrong type, expected a string, got an array",
      "\"symbol\":\"   \"|missing symbol",
      "\"symbol\":\"AA\\u0000PL\"|symbol contains a control character (U+0000)",
      "\"low\":3.0|high below low",
  })
  void aBadValueIsNamedNotThrown(String replacement, String reason) {
    String field = replacement.substring(0, replacement.indexOf(':'));
    String json = BAR.replaceFirst(field + ":[^,}]*", java.util.regex.Matcher.quoteReplacement(replacement));
    assertEquals(reason, decode(prices, json).reason(), json);
  }

  @Test
  void wholeValuesOfAnyNotationAreAccepted() {
    assertEquals(300L, decode(prices, BAR.replace("\"volume\":1000", "\"volume\":3e2")).values()[7]);
    assertEquals(3L, decode(prices, BAR.replace("\"volume\":1000", "\"volume\":3.0")).values()[7]);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "''|empty message",
      "hello|malformed JSON",
      "[1,2]|malformed JSON: the message is not a JSON object",
      "{\"symbol\":\"A\"} {}|malformed JSON",
      "{\"symbol\":\"A\",\"symbol\":\"B\"}|malformed JSON: Duplicate field 'symbol'",
      "{\"symbol\":\"A\"|malformed JSON",
  })
  void aBrokenMessageIsMalformed(String message, String reasonStart) {
    String reason = decode(prices, message).reason();
    assertTrue(reason.startsWith(reasonStart), reason);
  }

  @Test
  void invalidUtf8IsRejectedBeforeParsing() {
    byte[] bytes = BAR.getBytes(StandardCharsets.UTF_8);
    bytes[12] = (byte) 0xC3; // inside "AAPL": 0xC3 must be followed by a continuation byte
    assertEquals("message is not valid UTF-8", prices.decode(bytes, NOW).reason());
  }

  @Test
  void unknownFieldsAreIgnoredAndOptionalOnesMayBeAbsent() {
    String json = "{\"symbol\":\"AAPL\",\"extra\":{\"deep\":[1,[2,{\"x\":3}]]},\"trading_date\":\"2021-02-26\","
        + "\"open\":1,\"high\":2,\"low\":1,\"close\":1,\"volume\":0}";
    MessageDecoder.Decoded bar = decode(prices, json);
    assertNull(bar.reason());
    assertNull(bar.values()[6], "adj_close absent");
  }

  @Test
  void freeTextTakesAnyCharacterButIdsDoNot() {
    String text = "line one\nline two\t\u00e9 \ud83d\ude80 \u65e5\u672c";
    String json = TWEET.replace("\"text\":\"hello\"", "\"text\":\"line one\\nline two\\t\u00e9 \ud83d\ude80 \u65e5\u672c\"");
    assertEquals(text, decode(tweets, json).values()[2]);
    assertEquals("hashtags contains a control character (U+000A)",
        decode(tweets, TWEET.replace("[\"x\"]", "[\"a\\nb\"]")).reason());
    assertEquals("text is not valid Unicode (an unpaired surrogate)",
        decode(tweets, TWEET.replace("\"text\":\"hello\"", "\"text\":\"a\\ud800b\"")).reason());
  }

  @Test
  void textLengthIsCountedInCharacters() {
    String rockets = "\ud83d\ude80".repeat(100); // 100 characters, 200 UTF-16 units
    assertNull(decode(tweets, TWEET.replace("hello", rockets)).reason());
    assertEquals("text longer than 100 characters: 101", decode(tweets, TWEET.replace("hello", "x".repeat(101))).reason());
    assertEquals("tweet_id longer than 512 characters: 513",
        decode(tweets, TWEET.replace("\"t1\"", "\"" + "t".repeat(513) + "\"")).reason());
  }

  @Test
  void arraysTakeOnlyStrings() {
    assertEquals("hashtags: wrong type, expected an array of strings, got an array holding null",
        decode(tweets, TWEET.replace("[\"x\"]", "[\"x\",null]")).reason());
    assertEquals("hashtags: wrong type, expected an array of strings, got an array holding an object",
        decode(tweets, TWEET.replace("[\"x\"]", "[{\"a\":[1]},\"y\"]")).reason());
    assertEquals("hashtags: wrong type, expected an array of strings, got a string",
        decode(tweets, TWEET.replace("[\"x\"]", "\"x\"")).reason());
  }

  @Test
  void theFirstFailingFieldInSchemaOrderIsTheReason() {
    String json = TWEET.replace("\"like_count\":3", "\"like_count\":-3").replace("\"t1\"", "\"\"");
    assertEquals("missing tweet_id", decode(tweets, json).reason());
  }

  @Test
  void aRedditScoreMayBeNegativeButCommentsCannot() {
    String post = "{\"post_id\":\"p1\",\"source\":\"reddit/wallstreetbets\",\"title\":\"t\",\"body\":null,"
        + "\"score\":-12,\"comment_count\":4,\"created_at\":\"2021-01-28 21:37:41\",\"label\":null}";
    MessageDecoder.Decoded decoded = decode(news, post);
    assertNull(decoded.reason());
    assertEquals(-12L, decoded.values()[4]);
    assertEquals(Instant.parse("2021-01-28T21:37:41Z"), decoded.values()[6]);
    assertEquals("negative comment_count", decode(news, post.replace("\"comment_count\":4", "\"comment_count\":-4")).reason());
  }

  @Test
  void probabilitiesStayInTheUnitInterval() {
    MessageDecoder engagements = new MessageDecoder(StreamContract.of(IngestedStream.ENGAGEMENTS, 100));
    String json = "{\"engaging_user_id\":\"u\",\"tweet_id\":\"t\",\"author_id\":\"a\",\"impression_at\":\"2021-05-01T00:00:00Z\","
        + "\"true_p_like\":1.5}";
    assertEquals("true_p_like: 1.5 is outside [0, 1]", decode(engagements, json).reason());
    assertEquals("like_at is in the future",
        decode(engagements, json.replace("1.5}", "0.5,\"like_at\":\"2030-01-01T00:00:00Z\"}")).reason());
  }
}
