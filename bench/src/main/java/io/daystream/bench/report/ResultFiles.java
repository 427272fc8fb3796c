package io.daystream.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A benchmark's results as {@code <name>-<UTC date and time>.md} and {@code .json}, side by side. */
public final class ResultFiles {

  private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultFiles() {}

  /** @return the Markdown file */
  public static Path write(Path folder, String name, Instant startedAt, String markdown, ObjectNode json) {
    String stem = name + "-" + FILE_STAMP.format(startedAt);
    try {
      Files.createDirectories(folder);
      Path markdownFile = folder.resolve(stem + ".md");
      Files.writeString(markdownFile, markdown, StandardCharsets.UTF_8);
      Files.writeString(folder.resolve(stem + ".json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
      return markdownFile;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + folder, e);
    }
  }
}
