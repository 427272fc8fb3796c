package io.daystream.datasets.load.tweets;

import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.SourceLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads RecSys Challenge 2020 {@code training.tsv}: one impression per line, no header, 24 fields
 * separated by the byte {@code \x01} (see {@link #COLUMNS}), lists inside a field separated by
 * tabs, timestamps in Unix seconds (UTC), engagement timestamps empty when the user did not
 * engage that way. The format has no quoting, so it is read line by line rather than as CSV.
 *
 * <p>Mapping, where the dataset differs from the canonical records:
 *
 * <ul>
 *   <li>{@code text_tokens} are BERT token ids; no tokenizer is bundled, so the text is the ids
 *       joined by single spaces ({@code "101 56898 137 102"});
 *   <li>{@code language}, {@code hashtags} and {@code present_links} are hashed ids, kept
 *       verbatim: the language is not an ISO code and the "urls" are opaque link hashes;
 *   <li>the author is {@code engaged_with_user_id}; the tweet has no engagement counts (null);
 *   <li>the dataset has no impression time, so {@code impressionAt} is {@code tweet_timestamp};
 *   <li>{@code retweet_with_comment_timestamp} is the quote time;
 *   <li>{@code userFollowsAuthor} is {@code engagee_follows_engager}, the dataset's only follow
 *       relation between the two users; its name reads literally as the reverse direction (the
 *       author follows the engaging user), so read it as "the two users are connected";
 *   <li>{@code present_media}, {@code present_domains}, {@code tweet_type} and both account
 *       creation times have no canonical field and are dropped (the creation times are still
 *       checked to be numeric).
 * </ul>
 *
 * A line with another number of fields, a non-numeric count or timestamp, a boolean other than
 * {@code true}/{@code false}, or an empty id is rejected. Blank lines are skipped; a leading BOM
 * and CRLF line ends are tolerated.
 */
public final class RecsysLoader implements DatasetLoader<RecsysRecord> {

  /** The fields of a line, in file order. */
  public static final List<String> COLUMNS = RecsysColumns.NAMES;

  private static final String FIELD_SEPARATOR = "\u0001";
  private static final char BOM = '\uFEFF';

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super RecsysRecord> records, Consumer<? super Reject> rejects)
      throws IOException {
    long recordCount = 0;
    long rejectCount = 0;
    long skipped = 0;
    // An InputStreamReader replaces malformed UTF-8 instead of failing the whole file.
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16)) {
      long lineNumber = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          skipped++;
          continue;
        }
        RecsysRecord record;
        try {
          record = RecsysColumns.recordOf(line.split(FIELD_SEPARATOR, -1));
        } catch (RowRejected e) {
          rejects.accept(new Reject(path.toString(), lineNumber, line, e.getMessage()));
          rejectCount++;
          continue;
        }
        records.accept(record, new SourceLine(path.toString(), lineNumber));
        recordCount++;
      }
    }
    return new Summary(recordCount, rejectCount, skipped);
  }
}
