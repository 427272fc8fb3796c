package io.daystream.ingestion.fuzz;

/** What a message field holds, as far as rules.md treats fields differently. */
public enum FieldKind {
  /** A string that is not free text: ids, author_id, language, source, symbol. */
  PLAIN_STRING,
  /** tweets.text, news.title, news.body: any character, up to ingestion.max-text-length. */
  FREE_TEXT,
  /** An array of plain strings (hashtags, mentions, urls). */
  STRING_ARRAY,
  BOOLEAN,
  /** A LongType count that cannot be negative. */
  COUNT,
  /** A LongType that may be negative (news.score). */
  SIGNED_LONG,
  /** An IntegerType (news.label). */
  INTEGER,
  /** A true_p_* probability, in [0, 1]. */
  PROBABILITY,
  /** A price open/high/low/close: positive, at most 1e9. */
  PRICE,
  /** Any finite double (adj_close). */
  DOUBLE,
  TIMESTAMP,
  /** A calendar day, yyyy-MM-dd (prices.trading_date). */
  DATE
}
