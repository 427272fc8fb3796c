package io.daystream.ingestion.fuzz;

/**
 * One field of a stream's message.
 *
 * @param eventTime whether the field is the stream's event time: its valid values must stay near
 *     the other good records', or the late-data watermark would quarantine them
 * @param cleanedText whether bronze keeps it cleaned of HTML with the raw value in {@code raw_<name>}
 */
public record FieldSpec(String name, FieldKind kind, boolean required, boolean eventTime, boolean cleanedText) {}
