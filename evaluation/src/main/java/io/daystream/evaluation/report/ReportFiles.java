package io.daystream.evaluation.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes a report file through Hadoop's FileSystem, so reports go to local disk, HDFS or S3 alike. */
public final class ReportFiles {

  private ReportFiles() {}

  /** Writes {@code content} to {@code folder/name}, replacing it; returns the full path. */
  public static String write(Configuration hadoop, String folder, String name, String content) {
    Path path = new Path(folder, name);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      fs.mkdirs(path.getParent());
      try (OutputStream out = fs.create(path, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      return fs.makeQualified(path).toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write report " + path, e);
    }
  }

  /** The text of a report file, or empty when there is none. */
  public static java.util.Optional<String> read(Configuration hadoop, String folder, String name) {
    Path path = new Path(folder, name);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        return java.util.Optional.empty();
      }
      try (java.io.InputStream in = fs.open(path)) {
        return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read report " + path, e);
    }
  }
}
