package io.daystream.ingestion.validate;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;

/**
 * One field of a stream's message: its name, stored type, the JSON it takes, whether it is
 * required, and, for numbers, its range.
 *
 * @param range for {@link FieldKind#WHOLE_NUMBER} and {@link FieldKind#NUMBER}; null otherwise
 */
public record FieldContract(String name, DataType type, FieldKind kind, boolean required, NumericRange range)
    implements Serializable {

  /** Longest id, code or array element: far beyond any real id, short enough to bound keys. */
  public static final int MAX_ID_LENGTH = 512;
  /** Most elements an array field may hold (a tweet carries a handful of hashtags). */
  public static final int MAX_ARRAY_ELEMENTS = 1000;
}
