package io.daystream.datasets.load.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.datasets.load.DatasetLoader.Summary;
import io.daystream.datasets.schema.NewsPost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reddit_wsb.csv in ../shared/datasets, against its SOURCE.md. */
class RedditWsbRealFileTest {

  private final Loaded loaded = SharedDatasets.redditWsb();

  @Test
  void everyRowIsARecord() {
    assertEquals(new Summary(1_892, 0, 0), loaded.summary());
    RealFileChecks.idsAreUnique(loaded);
  }

  @Test
  void spansTheUtcTimesOfSourceMd() {
    List<Instant> times = loaded.posts().stream().map(NewsPost::createdAt).sorted().toList();
    assertEquals(Instant.parse("2022-01-18T18:45:23Z"), times.get(0));
    assertEquals(Instant.parse("2022-01-21T19:08:37Z"), times.get(times.size() - 1));
    // first row: created 1642792067.0, timestamp "2022-01-21 11:07:47" (8 h behind)
    assertEquals(Instant.parse("2022-01-21T19:07:47Z"), loaded.post("s9i9bw").createdAt());
  }

  @Test
  void perDayCountsAreUtcAndSourceMdsAreUtcMinus8() {
    assertEquals(Map.of("2022-01-18", 84L, "2022-01-19", 216L, "2022-01-20", 301L, "2022-01-21", 1_291L),
        postsPerDay(ZoneOffset.UTC));
    assertEquals(Map.of("2022-01-18", 149L, "2022-01-19", 195L, "2022-01-20", 376L, "2022-01-21", 1_172L),
        postsPerDay(ZoneOffset.ofHours(-8)));
  }

  @Test
  void engagementAndBodiesMatchSourceMd() {
    List<Long> scores = loaded.posts().stream().map(NewsPost::score).sorted().toList();
    assertEquals(-7L, scores.get(0));
    assertEquals(47_887L, scores.get(scores.size() - 1));
    assertEquals(716, scores.stream().filter(s -> s <= 1).count());
    assertEquals(21_340L, loaded.posts().stream().map(NewsPost::commentCount).max(Comparator.naturalOrder()).orElseThrow());
    assertEquals(988, loaded.posts().stream().filter(p -> p.commentCount() == 0).count());
    assertEquals(634, loaded.posts().stream().filter(p -> p.body().isEmpty()).count());
    assertEquals(282, loaded.posts().stream().filter(p -> p.body().contains("\n")).count());
  }

  @Test
  void halfTheRowsAreCommentsMarkedByTheirSource() {
    // Not in SOURCE.md: 979 rows are comments (title "Comment", no url, 7-character ids).
    Map<String, List<NewsPost>> bySource = loaded.posts().stream().collect(Collectors.groupingBy(NewsPost::source));
    assertEquals(979, bySource.get(RedditPostsLoader.COMMENTS_SOURCE).size());
    assertEquals(1_892 - 979, bySource.get(RedditPostsLoader.SOURCE).size());
    assertTrue(bySource.get(RedditPostsLoader.COMMENTS_SOURCE).stream()
        .allMatch(c -> c.title().isEmpty() && c.postId().length() == 7), "comments have no title, 7-character ids");
    assertTrue(bySource.get(RedditPostsLoader.SOURCE).stream().noneMatch(p -> p.title().equals("Comment")));
  }

  @Test
  void countsLinesAcrossQuotedLineBreaks(@TempDir Path dir) throws IOException {
    RealFileChecks.brokenRowAfterTheLastLineIsRejectedOnLine(new RedditPostsLoader(),
        SharedDatasets.file(SharedDatasets.REDDIT_WSB), "Bad,1,zz,,0,soon,,\n", 5_304, dir);
  }

  private Map<String, Long> postsPerDay(ZoneOffset offset) {
    return loaded.posts().stream()
        .map(p -> LocalDate.ofInstant(p.createdAt(), offset).toString())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
