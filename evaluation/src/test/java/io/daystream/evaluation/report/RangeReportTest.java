package io.daystream.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.evaluation.report.HeadFigures.AgeValue;
import io.daystream.evaluation.report.HeadFigures.Calibration;
import io.daystream.evaluation.report.HeadFigures.ChampionStep;
import io.daystream.evaluation.report.HeadFigures.DayValue;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RangeReportTest {

  private static final LocalDate D1 = LocalDate.of(2020, 3, 10);
  private static final LocalDate D2 = D1.plusDays(1);

  private static HeadFigures like() {
    Map<String, List<DayValue>> series = new LinkedHashMap<>();
    series.put("3-day window", List.of(new DayValue(D1, 6.5), new DayValue(D2, 7.25)));
    series.put("7-day window", List.of(new DayValue(D1, 5.0)));
    series.put("oracle", List.of(new DayValue(D1, 13.9), new DayValue(D2, 14.1)));
    return new HeadFigures("like", series,
        List.of(new ChampionStep(D1, "engagement-like-w3-2020-03-10-r1", 3, "promoted")),
        List.of(new AgeValue(0, 7.0, 2), new AgeValue(1, 6.1, 2)),
        Optional.of(new Calibration("engagement-like-w3-2020-03-10-r1", D2,
            List.of(new Calibration.Bin(0.05, 0.04, 900), new Calibration.Bin(0.31, 0.35, 100)))));
  }

  private static List<BufferedImage> images(String html) throws IOException {
    Matcher png = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    List<BufferedImage> images = new java.util.ArrayList<>();
    while (png.find()) {
      images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1)))));
    }
    return images;
  }

  @Test
  void everyChartIsARealPictureInsideThePage() throws IOException {
    String html = RangeReport.html("engagement", D1, D2, List.of(like()));

    List<BufferedImage> images = images(html);
    assertEquals(4, images.size(), "RCE over time, champion timeline, staleness, calibration");
    for (BufferedImage image : images) {
      assertEquals(Charts.WIDTH, image.getWidth());
      assertEquals(Charts.HEIGHT, image.getHeight());
      Set<Integer> colours = new HashSet<>();
      for (int x = 0; x < image.getWidth(); x += 3) {
        for (int y = 0; y < image.getHeight(); y += 3) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertTrue(colours.size() > 10, "a drawn chart, not a blank image: " + colours.size() + " colours");
    }
    assertTrue(html.contains("<td>2020-03-11</td><td>7.250</td><td>-</td><td>14.100</td>"), html);
    assertTrue(html.contains("<td>engagement-like-w3-2020-03-10-r1</td><td>3</td><td>promoted</td>"));
  }

  @Test
  void missingPartsSayWhatToRun() throws IOException {
    HeadFigures empty = new HeadFigures("quote", Map.of(), List.of(), List.of(), Optional.empty());

    String html = RangeReport.html("engagement", D1, D2, List.of(empty));

    assertEquals(0, images(html).size());
    assertTrue(html.contains("run <code>daystream retrain</code>"), html);
    assertTrue(html.contains("daystream experiment staleness --task engagement --from 2020-03-10 --to 2020-03-11"));
  }

  @Test
  void csvAndMarkdownHoldTheSameFigures() {
    String csv = RangeReport.csv(List.of(like()));
    String md = RangeReport.markdown("engagement", D1, D2, List.of(like()));

    assertTrue(csv.startsWith("head,series,day,rce\n"));
    assertTrue(csv.contains("like,3-day window,2020-03-11,7.250000\n"), csv);
    assertEquals(6, csv.lines().count());
    assertTrue(md.contains("| 2020-03-10 | 6.500 | 5.000 | 13.900 |"), md);
    assertTrue(md.contains("| 1 | 2 | 6.100 |"), md);
    assertEquals("report-engagement-2020-03-10-2020-03-11", RangeReport.baseName("engagement", D1, D2));
    assertEquals("report-engagement-2020-03-10", RangeReport.baseName("engagement", D1, D1));
  }
}
