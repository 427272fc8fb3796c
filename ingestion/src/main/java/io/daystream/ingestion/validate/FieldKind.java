package io.daystream.ingestion.validate;

/** The JSON value a message field must hold. Strict: no kind accepts another kind's token. */
public enum FieldKind {
  /** A string of at most {@link FieldContract#MAX_ID_LENGTH} characters, no control characters: ids, codes. */
  IDENTIFIER("a string"),
  /** Any string up to the configured text length: tweet text, headlines, bodies. */
  FREE_TEXT("a string"),
  /** An array of identifier-like strings: hashtags, mentions, urls. */
  STRING_ARRAY("an array of strings"),
  /** A number with a whole value (3, 3.0 and 3e2 all are), stored as a long or an int. */
  WHOLE_NUMBER("a whole number"),
  /** A finite number, stored as a double. */
  NUMBER("a number"),
  BOOLEAN("true or false"),
  /** An ISO-8601 date-time string (see {@link IsoTime}). */
  TIMESTAMP("an ISO-8601 timestamp string"),
  /** A {@code yyyy-MM-dd} string. */
  DATE("a yyyy-MM-dd date string");

  private final String expected;

  FieldKind(String expected) {
    this.expected = expected;
  }

  /** What a reason says this kind expects, e.g. "a whole number". */
  public String expected() {
    return expected;
  }
}
