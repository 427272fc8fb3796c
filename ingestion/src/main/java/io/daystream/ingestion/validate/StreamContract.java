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

/**
 * What a stream's messages must hold, field by field, derived from its message schema and what
 * each field means in its source. The one place where validation rules are stated.
 */
public final class StreamContract implements Serializable {

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
      FieldKind kind = kindOf(stream, field);
      NumericRange range = kind == FieldKind.WHOLE_NUMBER || kind == FieldKind.NUMBER ? rangeOf(stream, field.name()) : null;
      fields.add(new FieldContract(field.name(), field.dataType(), kind, !field.nullable(), range));
    }
    return new StreamContract(stream, fields, maxTextLength);
  }

  private static FieldKind kindOf(IngestedStream stream, StructField field) {
    DataType type = field.dataType();
    if (type.equals(DataTypes.StringType)) {
      return stream.freeTextColumns().contains(field.name()) ? FieldKind.FREE_TEXT : FieldKind.IDENTIFIER;
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
    throw new IllegalArgumentException("no validation rule for " + stream.streamName() + "." + field.name()
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

  public IngestedStream stream() {
    return stream;
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
