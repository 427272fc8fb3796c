package io.daystream.ingestion.quarantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuarantineUserMatchTest {

  @ParameterizedTest(name = "[{0}] names u1: {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
      "u1; true",
      "`{\"engaging_user_id\":\"u1\",\"tweet_id\":`; true",
      "u1|t5; true",
      "t5|u1; true",
      "`123\tu1\tfoo`; true",
      "[u1]; true",
      "by u1.; true",
      "u1,u2; true",
      "u12; false",
      "`{\"engaging_user_id\":\"u12\"}`; false",
      "xu1; false",
      "u1_b; false",
      "u1-2; false",
      "2-u1; false",
      "U1; false",
      "; false",
      "éu1; false",
      "u1١; false"})
  void findsTheIdOnlyAsAWholeToken(String text, boolean named) {
    Pattern token = Pattern.compile(QuarantineUserMatch.tokenPattern("u1"));

    assertEquals(named, token.matcher(text == null ? "" : text).find());
  }

  @ParameterizedTest(name = "id {0} in [{1}]: {2}")
  @CsvSource(delimiter = ';', value = {
      "a.b; key a.b value; true",
      "a.b; key axb value; false",
      "1+1; key 1+1 value; true",
      "1+1; key 11 value; false",
      "a|b; key a value; false",
      "(x); key (x) value; true",
      "(x); key x value; false",
      "\\E; key \\E value; true"})
  void anIdIsTakenLiterallyNotAsARegex(String id, String text, boolean named) {
    Pattern token = Pattern.compile(QuarantineUserMatch.tokenPattern(id));

    assertEquals(named, token.matcher(text).find());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void aBlankIdIsRefused(String id) {
    assertThrows(IllegalArgumentException.class, () -> QuarantineUserMatch.namingUser(id));
  }
}
