package io.daystream.ingestion.validate;

import io.daystream.ingestion.stream.IngestedStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a stream's messages must hold, field by field, derived from its message schema and what
 * each field means in its source. The one place where validation rules are stated.
 */
public final class StreamContract implements Serializable {

  /** Null for messages that no bronze table receives (the score job's requests); Optional is not Serializable. */
  private final IngestedStream stream;
  private final List<FieldContract> fields;
  private final Map<String, Integer> indexByName = new HashMap<>();
  private final int maxTextLength;

  private StreamContract(IngestedStream stream, List<FieldContract> fields, int maxTextLength) {
    this.stream = stream;
    this.fields = List.copyOf(fields);
    for (int i = 0; i < fields.size(); i++) {
      indexByName.put(fields.get(i).name(), i);
    }
    this.maxTextLength = maxTextLength;
  }

  public static StreamContract of(IngestedStream stream, int maxTextLength) {
    if (maxTextLength < 1) {
      throw new IllegalArgumentException("max text length must be positive: " + maxTextLength);
    }
    List<FieldContract> fields = new ArrayList<>();
    for (StructField field : stream.messageSchema().fields()) {
      FieldKind kind = kindOf(field, stream.freeTextColumns().contains(field.name()));
      NumericRange range = kind == FieldKind.WHOLE_NUMBER || kind == FieldKind.NUMBER ? rangeOf(stream, field.name()) : null;
      fields.add(new FieldContract(field.name(), field.dataType(), kind, !field.nullable(), range));
    }
    return new StreamContract(stream, fields, maxTextLength);
  }

  /**
   * The contract of messages that no bronze table receives, such as the score job's requests:
   * every string is an identifier, every number may be signed, no rule spans two fields; the
   * schema's non-nullable fields are required.
   */
  public static StreamContract ofMessages(StructType schema) {
    List<FieldContract> fields = new ArrayList<>();
    for (StructField field : schema.fields()) {
      FieldKind kind = kindOf(field, false);
      NumericRange range = kind == FieldKind.WHOLE_NUMBER || kind == FieldKind.NUMBER ? NumericRange.SIGNED : null;
      fields.add(new FieldContract(field.name(), field.dataType(), kind, !field.nullable(), range));
    }
    return new StreamContract(null, fields, FieldContract.MAX_ID_LENGTH);
  }

  private static FieldKind kindOf(StructField field, boolean freeText) {
    DataType type = field.dataType();
    if (type.equals(DataTypes.StringType)) {
      return freeText ? FieldKind.FREE_TEXT : FieldKind.IDENTIFIER;
    }
    if (type instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
      return FieldKind.STRING_ARRAY;
    }
    if (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)) {
      return FieldKind.WHOLE_NUMBER;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return FieldKind.NUMBER;
    }
    if (type.equals(DataTypes.BooleanType)) {
      return FieldKind.BOOLEAN;
    }
    if (type.equals(DataTypes.TimestampType)) {
      return FieldKind.TIMESTAMP;
    }
    if (type.equals(DataTypes.DateType)) {
      return FieldKind.DATE;
    }
    throw new IllegalArgumentException("no validation rule for field " + field.name()
        + " of type " + type.simpleString());
  }

  private static NumericRange rangeOf(IngestedStream stream, String field) {
    if (stream.countColumns().contains(field)) {
      return NumericRange.COUNT;
    }
    if (stream == IngestedStream.PRICES) {
      return field.equals("adj_close") ? NumericRange.ADJUSTED_PRICE : NumericRange.PRICE;
    }
    if (field.startsWith("true_p_")) {
      return NumericRange.PROBABILITY;
    }
    return NumericRange.SIGNED;
  }

  /**
   * Why a record whose every field passed is still not good, or null: rules across fields. Price
   * bars: the high is not below the low. (Open and close are not checked against them: vendors'
   * adjusted bars break that by rounding.)
   */
  String crossFieldReason(Object[] values) {
    if (stream == IngestedStream.PRICES) {
      Double high = (Double) values[indexOf("high")];
      Double low = (Double) values[indexOf("low")];
      if (high != null && low != null && high < low) {
        return "high below low";
      }
    }
    return null;
  }

  public List<FieldContract> fields() {
    return fields;
  }

  /** The field's position in the message schema, or -1 for a field the stream does not have. */
  public int indexOf(String name) {
    Integer index = indexByName.get(name);
    return index == null ? -1 : index;
  }

  public int maxTextLength() {
    return maxTextLength;
  }
}
