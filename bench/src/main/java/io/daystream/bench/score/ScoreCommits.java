package io.daystream.bench.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * When each micro-batch of one score job became visible in a Delta table: the commit whose
 * {@code txn} action carries the job's transaction id ({@code <query name>/scores}) and the batch
 * id, read from the table's {@code _delta_log}. The time is the commit file's modification time,
 * the timestamp {@code DESCRIBE HISTORY} shows for that version: a reader sees the rows from then on.
 */
final class ScoreCommits {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScoreCommits() {}

  /** Commit time in epoch milliseconds, by batch id. */
  static Map<Long, Long> of(Configuration hadoop, String tablePath, String txnAppId) {
    Path log = new Path(tablePath, "_delta_log");
    Map<Long, Long> byBatch = new TreeMap<>();
    try {
      FileSystem fs = log.getFileSystem(hadoop);
      for (FileStatus file : fs.listStatus(log, p -> p.getName().matches("\\d{20}\\.json"))) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(fs.open(file.getPath()),
            StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            JsonNode txn = JSON.readTree(line).get("txn");
            if (txn != null && txnAppId.equals(txn.path("appId").asText())) {
              byBatch.put(txn.path("version").asLong(), file.getModificationTime());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
    return byBatch;
  }
}
