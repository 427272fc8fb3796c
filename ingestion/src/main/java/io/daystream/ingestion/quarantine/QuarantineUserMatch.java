package io.daystream.ingestion.quarantine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which quarantine rows name a user, for a deletion request. A quarantined message is often
 * broken, so the rule reads it as far as it can be read:
 *
 * <ul>
 *   <li>When {@code raw_value} parses as a JSON object, it names the user when one of its
 *       top-level {@link #USER_FIELDS} holds the id as a whole token: a string equal to the id,
 *       or the JSON text of a number, array or object that holds it (a mistyped field still names
 *       its user). The other fields (text, mentions, hashtags) do not count, as in the bronze
 *       tables, where a tweet that mentions the user stays.</li>
 *   <li>When it does not parse as a JSON object (not JSON, a bare JSON value, invalid UTF-8, a
 *       CSV or TSV line from a file loader), it names the user when its bytes hold the id as a
 *       whole token.</li>
 *   <li>{@code raw_key} is opaque bytes and names the user when it holds the id as a whole token
 *       (engagements are keyed {@code user|tweet}), whatever the value.</li>
 * </ul>
 *
 * <p>A whole token is an occurrence of the id, compared exactly (case and all), that no
 * {@linkplain #tokenPattern identifier character} touches on either side. Identifier characters
 * are letters, digits, {@code _} and {@code -} (of any script), so {@code u1} is found in
 * {@code "u1"}, {@code u1|t5}, {@code [u1]} or {@code by u1.}, but not in {@code u12},
 * {@code xu1}, {@code u1_b} or {@code u1-2}: forgetting {@code u1} never deletes {@code u12}'s
 * messages. An id escaped inside a JSON string ({@code \u0075\u0031}) is not recognised.
 */
public final class QuarantineUserMatch {

  /** Top-level message fields that name a user: in tweets, engagements, and request-like messages. */
  public static final List<String> USER_FIELDS = List.of("author_id", "engaging_user_id", "user_id");

  /** Letters, digits, underscore and hyphen, the characters an id is made of. */
  private static final String IDENTIFIER_CHAR = "[\\p{L}\\p{N}_-]";

  private QuarantineUserMatch() {}

  /**
   * The condition, on a frame with the {@link Quarantine#SCHEMA} columns, that holds for exactly
   * the rows naming {@code userId}; never null (a row with neither key nor value is false).
   *
   * @throws IllegalArgumentException when the id is null or blank
   */
  public static Column namingUser(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("a user id is required");
    }
    String token = tokenPattern(userId);
    Column value = col("raw_value").cast(DataTypes.StringType);
    // json_object_keys is null unless the value is a JSON object, well-formed up to its closing brace.
    Column parsesAsObject = expr("json_object_keys(CAST(raw_value AS STRING))").isNotNull();
    Column fieldNamesUser = USER_FIELDS.stream()
        .map(field -> coalesce(get_json_object(value, "$." + field).rlike(token), lit(false)))
        .reduce(Column::or)
        .orElseThrow();
    Column bytesNameUser = coalesce(value.rlike(token), lit(false));
    Column keyNamesUser = coalesce(col("raw_key").cast(DataTypes.StringType).rlike(token), lit(false));
    Column valueNamesUser = parsesAsObject.and(fieldNamesUser).or(not(parsesAsObject).and(bytesNameUser));
    return valueNamesUser.or(keyNamesUser);
  }

  /**
   * A Java regular expression that finds {@code userId} as a whole token: the id taken literally,
   * with no identifier character right before or after it.
   */
  public static String tokenPattern(String userId) {
    return "(?<!" + IDENTIFIER_CHAR + ")" + Pattern.quote(userId) + "(?!" + IDENTIFIER_CHAR + ")";
  }
}
