package io.daystream.datasets.load.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.datasets.load.DatasetLoader.Summary;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.schema.NewsPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On fixtures/news/reddit_wsb.csv: five real rows (LF, multi-line bodies) plus broken rows. */
class RedditPostsLoaderTest {

  private static final Path FIXTURE = Fixtures.path("reddit_wsb.csv");

  private final Loaded loaded = Loaded.by(new RedditPostsLoader(), FIXTURE);

  @TempDir Path dir;

  @Test
  void readsEveryRowAsARecordOrReject() {
    assertEquals(new Summary(6, 5, 0), loaded.summary());
    assertEquals(List.of("s9i754", "htmvyul", "htmvxk5", "s9e8ft", "htmvk0b", "zzok01"), loaded.postIds());
  }

  @Test
  void takesTimeFromEpochCreatedNotTheLocalTimestamp() {
    // The row's timestamp column says 2022-01-21 11:04:56: US Pacific wall-clock time.
    assertEquals(
        new NewsPost("s9i754", "reddit/wallstreetbets", "Bearish on Tesla earnings?", "", 3L, 5L,
            Instant.parse("2022-01-21T19:04:56Z"), null),
        loaded.post("s9i754"));
  }

  @Test
  void marksCommentsByTheirSourceWithoutThePlaceholderTitle() {
    NewsPost comment = loaded.post("htmvyul");
    assertEquals(RedditPostsLoader.COMMENTS_SOURCE, comment.source());
    assertEquals("", comment.title());
    assertEquals(RedditPostsLoader.SOURCE, loaded.post("s9i754").source());
  }

  @Test
  void aSubmissionTitledCommentWithALinkStaysASubmission() throws IOException {
    Path file = dir.resolve("titled-comment.csv");
    Files.writeString(file, "title,score,id,url,comms_num,created,body\n"
        + "Comment,4,s9zzzz,https://i.redd.it/x.png,2,1642792067,\n", StandardCharsets.UTF_8);
    NewsPost post = Loaded.by(new RedditPostsLoader(), file).post("s9zzzz");
    assertEquals(RedditPostsLoader.SOURCE, post.source());
    assertEquals("Comment", post.title());
  }

  @Test
  void keepsMultiLineBodiesNegativeScoresAndHashTitles() {
    assertEquals("It could\nGet\nSpicy", loaded.post("htmvyul").body());
    assertEquals(-2L, loaded.post("htmvxk5").score());
    assertEquals("#SRNE get it while it's cheap", loaded.post("s9e8ft").title());
    String body = loaded.post("htmvk0b").body();
    assertTrue(body.contains("creature flies.\u201d\n  \n\n  \nThat is"), "bare CRs become LF");
  }

  @Test
  void acceptsCountsWrittenAsFloatsAndFractionalSeconds() {
    NewsPost post = loaded.post("zzok01");
    assertEquals(12L, post.score());
    assertEquals(3L, post.commentCount());
    assertEquals(Instant.parse("2022-01-21T18:33:20.500Z"), post.createdAt());
    assertEquals("two\n\nparagraphs", post.body());
  }

  @Test
  void rejectsBadRowsWithTheirPhysicalLine() {
    String file = FIXTURE.toString();
    assertEquals(List.of(
        new Reject(file, 14, "Bad time,1,zzbad1,,0,yesterday,body,2022-01-21 11:00:00",
            "created is not epoch seconds: 'yesterday'"),
        new Reject(file, 15, "Same id again,5,htmvxk5,,0,1642791997.0,,2022-01-21 11:06:37",
            "duplicate id htmvxk5, first on line 6"),
        new Reject(file, 16, "Bad score,lots,zzbad2,,0,1642791000.0,,2022-01-21 10:50:00",
            "score is not a whole number: 'lots'"),
        new Reject(file, 17, "No id,1,,,0,1642791000.0,,2022-01-21 10:50:00", "empty id"),
        new Reject(file, 18, "Short row,1,zzbad3", "no body field (row has 3 fields)")),
        loaded.rejects());
  }

  @Test
  void needsOnlyTheColumnsItReads() throws IOException {
    Path file = dir.resolve("reordered.csv");
    Files.writeString(file, "id,created,title,body,score,comms_num\r\nabc123,1642792067,T,,,\r\n", StandardCharsets.UTF_8);
    Loaded reordered = Loaded.by(new RedditPostsLoader(), file);
    assertEquals(
        List.of(new NewsPost("abc123", "reddit/wallstreetbets", "T", "", null, null,
            Instant.parse("2022-01-21T19:07:47Z"), null)),
        reordered.posts());
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    Path file = dir.resolve("no-created.csv");
    Files.writeString(file, "title,score,id,url,comms_num,body,timestamp\n", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> new RedditPostsLoader().load(file, p -> {}, r -> {}));
    assertTrue(e.getMessage().contains("missing required column created"), e.getMessage());
  }
}
