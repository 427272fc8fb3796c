package io.daystream.datasets.load;

/**
 * Where a record starts in its source file: the file as the loader names it and the 1-based
 * physical line (header = line 1) on which the record's row begins. A multi-line CSV row and
 * every record read from one row share the row's first line.
 */
public record SourceLine(String file, long line) {}
