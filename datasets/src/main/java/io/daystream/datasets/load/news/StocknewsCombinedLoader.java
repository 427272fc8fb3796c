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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads stocknews {@code Combined_News_DJIA.csv} (Date, Label, Top1..Top25): one {@link NewsPost}
 * per non-empty headline cell, id {@code djia-<date>-top<rank>}, created at 00:00 UTC of the day,
 * labelled with the day's DJIA direction (1 up or flat, 0 down).
 *
 * <p>A row shorter than the header (three real days lack trailing headlines) yields the headlines
 * it has. A row with an unparseable Date, a Label other than 0/1, a Date seen before, or more
 * fields than the header is rejected whole. Skipped counts empty headline cells and blank lines.
 */
public final class StocknewsCombinedLoader implements DatasetLoader<NewsPost> {

  public static final String SOURCE = "reddit/worldnews";
  public static final int HEADLINES_PER_DAY = 25;

  private static final String DATE = "Date";
  private static final String LABEL = "Label";
  private static final List<String> REQUIRED_COLUMNS =
      Stream.concat(Stream.of(DATE, LABEL), IntStream.rangeClosed(1, HEADLINES_PER_DAY).mapToObj(r -> "Top" + r))
          .toList();

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super NewsPost> records, Consumer<? super Reject> rejects)
      throws IOException {
    return CsvLoad.run(path, REQUIRED_COLUMNS, DayRows::new, records, rejects);
  }

  /** The post id of the headline of rank {@code rank} (1..25) on {@code day}. */
  public static String postId(LocalDate day, int rank) {
    return "djia-" + day + "-top" + rank;
  }

  private static final class DayRows implements RowMapper<NewsPost> {
    private final int dateIndex;
    private final int labelIndex;
    private final int[] headlineIndexByRank = new int[HEADLINES_PER_DAY + 1];
    private final Map<LocalDate, Long> lineOfDay = new HashMap<>();

    DayRows(CsvHeader columns) {
      dateIndex = columns.indexOf(DATE);
      labelIndex = columns.indexOf(LABEL);
      for (int rank = 1; rank <= HEADLINES_PER_DAY; rank++) {
        headlineIndexByRank[rank] = columns.indexOf("Top" + rank);
      }
    }

    @Override
    public Mapped<NewsPost> map(CsvRecord row) throws UnreadableRow {
      LocalDate day = Fields.isoDate(row.required(dateIndex, DATE), DATE);
      int label = label(row.required(labelIndex, LABEL));
      Long firstLine = lineOfDay.putIfAbsent(day, row.line());
      if (firstLine != null) {
        throw new UnreadableRow("duplicate Date " + day + ", first on line " + firstLine);
      }
      Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      List<NewsPost> posts = new ArrayList<>(HEADLINES_PER_DAY);
      int emptyCells = 0;
      for (int rank = 1; rank <= HEADLINES_PER_DAY; rank++) {
        String cell = row.optional(headlineIndexByRank[rank]);
        if (cell == null) {
          continue; // a short row: the day has fewer headlines, not empty ones
        }
        String title = Headline.of(cell);
        if (title.isEmpty()) {
          emptyCells++;
          continue;
        }
        posts.add(new NewsPost(postId(day, rank), SOURCE, title, "", null, null, midnight, label));
      }
      return new Mapped<>(posts, emptyCells);
    }

    private static int label(String text) throws UnreadableRow {
      return switch (text.strip()) {
        case "0" -> 0;
        case "1" -> 1;
        default -> throw new UnreadableRow("Label must be 0 or 1, was '" + text + "'");
      };
    }
  }
}
