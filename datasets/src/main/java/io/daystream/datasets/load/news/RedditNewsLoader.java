package io.daystream.datasets.load.news;

import io.daystream.datasets.load.DatasetLoader;
import io.daystream.datasets.load.Reject;
import io.daystream.datasets.load.csv.CsvHeader;
import io.daystream.datasets.load.csv.CsvRecord;
import io.daystream.datasets.load.csv.UnreadableRow;
import io.daystream.datasets.schema.NewsPost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads stocknews {@code RedditNews.csv} (Date, News): one {@link NewsPost} per row, created at
 * 00:00 UTC of its date, no label.
 *
 * <p>Rows carry no id, and a date usually has 25 headlines but two dates have 50, so the id is
 * {@code rn-<date>-<n>}: the row's 1-based position among the rows of that date in file order.
 * Ids are therefore stable for this file, not across re-sorted copies. A row with an empty News
 * still takes its position (it is counted as skipped), so the ids of the others do not move.
 */
public final class RedditNewsLoader implements DatasetLoader<NewsPost> {

  public static final String SOURCE = "reddit/worldnews";

  private static final String DATE = "Date";
  private static final String NEWS = "News";

  @Override
  public Summary loadLocated(Path path, LocatedRecords<? super NewsPost> records, Consumer<? super Reject> rejects)
      throws IOException {
    return CsvLoad.run(path, List.of(DATE, NEWS), HeadlineRows::new, records, rejects);
  }

  /** The post id of the {@code position}-th (1-based) headline of {@code day} in the file. */
  public static String postId(LocalDate day, int position) {
    return "rn-" + day + "-" + position;
  }

  private static final class HeadlineRows implements RowMapper<NewsPost> {
    private final int dateIndex;
    private final int newsIndex;
    private final Map<LocalDate, Integer> rowsSeenByDay = new HashMap<>();

    HeadlineRows(CsvHeader columns) {
      dateIndex = columns.indexOf(DATE);
      newsIndex = columns.indexOf(NEWS);
    }

    @Override
    public Mapped<NewsPost> map(CsvRecord row) throws UnreadableRow {
      LocalDate day = Fields.isoDate(row.required(dateIndex, DATE), DATE);
      String title = Headline.of(row.required(newsIndex, NEWS));
      int position = rowsSeenByDay.merge(day, 1, Integer::sum);
      if (title.isEmpty()) {
        return Mapped.emptyCell();
      }
      return Mapped.one(new NewsPost(postId(day, position), SOURCE, title, "", null, null,
          day.atStartOfDay(ZoneOffset.UTC).toInstant(), null));
    }
  }
}
