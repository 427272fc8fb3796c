package io.daystream.datasets.load.news;

import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.csv.CsvHeader;
import io.daystream.datasets.load.csv.CsvRecord;
import io.daystream.datasets.load.csv.UnreadableRow;
import io.daystream.datasets.schema.NewsPost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a PRAW dump of Reddit submissions such as {@code reddit_wsb.csv} (title, score, id, url,
 * comms_num, created, body, timestamp): one {@link NewsPost} per row, id = the Reddit id.
 *
 * <p>Time comes from {@code created}, Unix epoch seconds (UTC). The {@code timestamp} column is
 * the same instant as local wall-clock time of the machine that pulled the data (US Pacific, 8 h
 * behind UTC in January) without a zone, so it is not read: taking it as UTC would shift every
 * post 8 hours and move ~30% of them to the previous day.
 *
 * <p>The r/wallstreetbets sample mixes submissions with comments: 979 of its 1,892 rows have the
 * placeholder title "Comment", no url and a 7-character id. Both are kept, since a comment's text
 * and score are real signal, but a comment is marked by its source ({@link #COMMENTS_SOURCE}) and
 * gets an empty title, so that title features are not 979 copies of the word "Comment" and a
 * caller who wants submissions only filters on the source.
 *
 * <p>An empty score or comms_num is null (unknown). {@code score} is upvotes minus downvotes and
 * is negative for a downvoted post, so any whole number is kept; {@code comms_num} is a count. A
 * row with no id, a repeated id, an unparseable created, score or comms_num, or a negative
 * comms_num is rejected. The title is trimmed; the body is kept as
 * written except that line breaks become LF.
 */
public final class RedditPostsLoader implements DatasetLoader<NewsPost> {

  public static final String SOURCE = "reddit/wallstreetbets";
  public static final String COMMENTS_SOURCE = "reddit/wallstreetbets/comments";

  private static final String COMMENT_TITLE = "Comment";

  private static final String TITLE = "title";
  private static final String SCORE = "score";
  private static final String ID = "id";
  private static final String COMMENTS = "comms_num";
  private static final String CREATED = "created";
  private static final String BODY = "body";
  private static final String URL = "url";

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super NewsPost> records, Consumer<? super Reject> rejects)
      throws IOException {
    return CsvLoad.run(path, List.of(TITLE, SCORE, ID, COMMENTS, CREATED, BODY), PostRows::new, records, rejects);
  }

  private static final class PostRows implements RowMapper<NewsPost> {
    private final int titleIndex;
    private final int scoreIndex;
    private final int idIndex;
    private final int commentsIndex;
    private final int createdIndex;
    private final int bodyIndex;
    /** -1 when the file has no url column: then the title alone tells a comment. */
    private final int urlIndex;
    private final Map<String, Long> lineOfId = new HashMap<>();

    PostRows(CsvHeader columns) {
      titleIndex = columns.indexOf(TITLE);
      scoreIndex = columns.indexOf(SCORE);
      idIndex = columns.indexOf(ID);
      commentsIndex = columns.indexOf(COMMENTS);
      createdIndex = columns.indexOf(CREATED);
      bodyIndex = columns.indexOf(BODY);
      urlIndex = columns.missing(List.of(URL)).isEmpty() ? columns.indexOf(URL) : -1;
    }

    @Override
    public Mapped<NewsPost> map(CsvRecord row) throws UnreadableRow {
      String id = row.required(idIndex, ID).strip();
      if (id.isEmpty()) {
        throw new UnreadableRow("empty id");
      }
      String title = LineBreaks.normalize(row.required(titleIndex, TITLE)).strip();
      String body = LineBreaks.normalize(row.required(bodyIndex, BODY));
      Long score = Fields.wholeNumberOrNull(row.required(scoreIndex, SCORE), SCORE);
      Long comments = Fields.wholeNumberOrNull(row.required(commentsIndex, COMMENTS), COMMENTS);
      if (comments != null && comments < 0) {
        throw new UnreadableRow(COMMENTS + " is a negative count: " + comments);
      }
      Instant created = Fields.epochSeconds(row.required(createdIndex, CREATED), CREATED);
      Long firstLine = lineOfId.putIfAbsent(id, row.line());
      if (firstLine != null) {
        throw new UnreadableRow("duplicate id " + id + ", first on line " + firstLine);
      }
      if (isComment(title, row)) {
        return Mapped.one(new NewsPost(id, COMMENTS_SOURCE, "", body, score, comments, created, null));
      }
      return Mapped.one(new NewsPost(id, SOURCE, title, body, score, comments, created, null));
    }

    private boolean isComment(String title, CsvRecord row) {
      String url = urlIndex < 0 ? null : row.optional(urlIndex);
      return title.equals(COMMENT_TITLE) && (url == null || url.isBlank());
    }
  }
}
