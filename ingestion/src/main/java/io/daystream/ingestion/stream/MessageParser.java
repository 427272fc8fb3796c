package io.daystream.ingestion.stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.daystream.ingestion.validate.MessageDecoder;
import io.daystream.ingestion.validate.StreamContract;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Parses raw Kafka rows into a {@code record} struct (the stream's message schema) and a
 * {@code reason} column (null when the record is good; a rejected record keeps the fields that
 * could be read, or is null when the message is no JSON object), keeping every
 * input column (the raw bytes and coordinates the quarantine needs). The reading is
 * {@link MessageDecoder}'s: it never throws, so no message can fail a batch.
 */
public final class MessageParser {

  private MessageParser() {}

  /** @param kafkaRows rows with at least a binary {@code value} column */
  public static Dataset<Row> parse(Dataset<Row> kafkaRows, IngestedStream stream, int maxTextLength) {
    return parse(kafkaRows, StreamContract.of(stream, maxTextLength), stream.messageSchema());
  }

  /**
   * @param contract what the messages must hold
   * @param messageSchema the schema the contract was derived from: the {@code record} struct's
   */
  public static Dataset<Row> parse(Dataset<Row> kafkaRows, StreamContract contract, StructType messageSchema) {
    MessageDecoder decoder = new MessageDecoder(contract);
    StructType decodedType = new StructType()
        .add("record", messageSchema.asNullable())
        .add("reason", DataTypes.StringType);
    UserDefinedFunction decode = udf((UDF1<byte[], Row>) value -> toRow(decoder.decode(value, Instant.now())),
        decodedType);
    return kafkaRows
        .withColumn("_decoded", decode.apply(col("value")))
        .withColumn("record", col("_decoded.record"))
        .withColumn("reason", col("_decoded.reason"))
        .drop("_decoded");
  }

  private static Row toRow(MessageDecoder.Decoded decoded) {
    return RowFactory.create(decoded.values() == null ? null : RowFactory.create(decoded.values()), decoded.reason());
  }
}
