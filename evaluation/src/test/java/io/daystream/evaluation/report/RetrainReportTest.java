package io.daystream.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.daystream.evaluation.outcome.HeadOutcome;
import io.daystream.evaluation.outcome.RetrainOutcome;
import io.daystream.evaluation.outcome.WindowResult;
import io.daystream.evaluation.metrics.BinaryMetrics;
import io.daystream.evaluation.promotion.ChampionPolicy;
import io.daystream.features.day.TrainingWindow;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RetrainReportTest {

  private static final LocalDate DAY = LocalDate.of(2020, 3, 12);

  private static final String V3 = "engagement-like-w3-2020-03-12";
  private static final String V7 = "engagement-like-w7-2020-03-12";
  private static final String V14 = "engagement-like-w14-2020-03-12";
  private static final String OLD_CHAMPION = "engagement-like-w3-2020-03-11";

  /**
   * CE = -(ln .9 + ln .8 + ln .7 + ln .8) / 4 = 0.2270806; the straw man predicts the positive rate 0.5:
   * ln 2 = 0.6931472; RCE = (1 - 0.2270806 / 0.6931472) * 100 = 67.239.
   */
  private static final BinaryMetrics GOOD = BinaryMetrics.of(new double[] {0.9, 0.8, 0.3, 0.2}, new int[] {1, 1, 0, 0});

  /**
   * CE = ln 2 = 0.6931472; straw man with positive rate 0.25: -(ln .25 + 3 ln .75) / 4 = 0.5623351;
   * RCE = (1 - 0.6931472 / 0.5623351) * 100 = -23.262.
   */
  private static final BinaryMetrics WORSE_THAN_STRAW_MAN =
      BinaryMetrics.of(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {1, 0, 0, 0});

  /** Only negatives: RCE is undefined. */
  private static final BinaryMetrics SINGLE_CLASS = BinaryMetrics.of(new double[] {0.1, 0.7}, new int[] {0, 0});

  /** CE = -2 ln .9 / 2 = 0.1053605; RCE = (1 - 0.1053605 / 0.6931472) * 100 = 84.800. */
  private static final BinaryMetrics ORACLE = BinaryMetrics.of(new double[] {0.9, 0.1}, new int[] {1, 0});

  private static List<WindowResult> threeWindows() {
    return List.of(
        new WindowResult(V3, "like", new TrainingWindow(DAY, 3), 1200, GOOD),
        new WindowResult(V7, "like", new TrainingWindow(DAY, 7), 2800, WORSE_THAN_STRAW_MAN),
        new WindowResult(V14, "like", new TrainingWindow(DAY, 14), 5600, SINGLE_CLASS));
  }

  private static HeadOutcome head(String reason, Optional<BinaryMetrics> oracle) {
    List<WindowResult> windows = threeWindows();
    return new HeadOutcome("like", windows, List.of(), Optional.of(OLD_CHAMPION), Optional.of(WORSE_THAN_STRAW_MAN),
        Optional.of(windows.get(0)), new ChampionPolicy.Decision(true, reason), Optional.of(V3), oracle);
  }

  private static String report(HeadOutcome... heads) {
    return RetrainReport.html(new RetrainOutcome("engagement", DAY, 4, List.of(heads)));
  }

  private static int count(String text, String needle) {
    return (int) Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
  }

  @Test
  void namesTheEvaluationDayAndEveryModelVersion() {
    String html = report(head("RCE 67.239 beats champion", Optional.empty()));

    assertTrue(html.contains("2020-03-12"), "evaluation day");
    assertTrue(html.contains(V3));
    assertTrue(html.contains(V7));
    assertTrue(html.contains(V14));
    assertTrue(html.contains(OLD_CHAMPION), "the previous champion gets its own row");
  }

  @Test
  void showsEachWindowsTrainingDays() {
    String html = report(head("reason", Optional.empty()));

    assertTrue(html.contains("2020-03-09 .. 2020-03-11"), "3-day window");
    assertTrue(html.contains("2020-03-05 .. 2020-03-11"), "7-day window");
    assertTrue(html.contains("2020-02-27 .. 2020-03-11"), "14-day window");
  }

  @Test
  void showsEachRceWithThreeDecimals() {
    String html = report(head("reason", Optional.empty()));

    assertTrue(html.contains("<td>67.239</td>"), html);
    assertTrue(html.contains("<td>-23.262</td>"), html);
  }

  @Test
  void singleClassRceIsShownAsUndefined() {
    String html = report(head("reason", Optional.empty()));

    assertTrue(html.contains("<td>undefined</td>"), html);
    assertFalse(html.contains("NaN"), html);
  }

  @Test
  void numbersDoNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String html = report(head("reason", Optional.of(ORACLE)));

      assertTrue(html.contains("67.239"), html);
      assertFalse(html.contains("67,239"), html);
    } finally {
      Locale.setDefault(saved);
    }
  }

  /** The inlined PNG charts of a page, decoded. */
  private static List<java.awt.image.BufferedImage> charts(String html) throws java.io.IOException {
    Matcher png = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    List<java.awt.image.BufferedImage> images = new java.util.ArrayList<>();
    while (png.find()) {
      images.add(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
          java.util.Base64.getDecoder().decode(png.group(1)))));
    }
    return images;
  }

  /** Pixels of the champion's green (#2e7d32) in a chart. */
  private static int championPixels(java.awt.image.BufferedImage chart) {
    int count = 0;
    for (int x = 0; x < chart.getWidth(); x++) {
      for (int y = 0; y < chart.getHeight(); y++) {
        count += (chart.getRGB(x, y) & 0xffffff) == 0x2e7d32 ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void oneDrawnChartPerHeadWithTheChampionsBarInGreen() throws java.io.IOException {
    List<WindowResult> replies = List.of(
        new WindowResult("engagement-reply-w3-2020-03-12", "reply", new TrainingWindow(DAY, 3), 100, GOOD),
        new WindowResult("engagement-reply-w7-2020-03-12", "reply", new TrainingWindow(DAY, 7), 200, GOOD));
    HeadOutcome reply = new HeadOutcome("reply", replies, List.of(), Optional.empty(), Optional.empty(), Optional.of(replies.get(0)),
        new ChampionPolicy.Decision(true, "first champion"), Optional.of(replies.get(0).version()),
        Optional.empty());
    HeadOutcome noChampion = new HeadOutcome("quote", replies, List.of(), Optional.empty(), Optional.empty(),
        Optional.of(replies.get(0)), new ChampionPolicy.Decision(false, "below the minimum"), Optional.empty(),
        Optional.empty());

    List<java.awt.image.BufferedImage> charts = charts(report(head("reason", Optional.empty()), reply, noChampion));

    assertEquals(3, charts.size());
    assertEquals(Charts.WIDTH, charts.get(0).getWidth());
    assertTrue(championPixels(charts.get(0)) > 100, "the champion's bar is green");
    assertTrue(championPixels(charts.get(1)) > 100);
    assertEquals(0, championPixels(charts.get(2)), "no champion, no green bar");
    assertFalse(report(head("reason", Optional.empty())).contains("<svg"), "drawn by the chart library");
  }

  @Test
  void oracleLineAndRowWhenAnOracleIsGiven() {
    String html = report(head("reason", Optional.of(ORACLE)));

    assertTrue(html.contains("dashed red: the oracle (true probabilities)"), html);
    assertTrue(html.contains("oracle (true probabilities)"), html);
    assertTrue(html.contains("<td>84.800</td>"), html);
  }

  @Test
  void noOracleAnywhereWithoutOne() {
    String html = report(head("reason", Optional.empty()));

    assertFalse(html.toLowerCase(Locale.ROOT).contains("oracle"), html);
  }

  @Test
  void oracleWithUndefinedRceGetsARowButNoLine() {
    String html = report(head("reason", Optional.of(SINGLE_CLASS)));

    assertTrue(html.contains("oracle (true probabilities)"), html);
    assertFalse(html.contains("dashed red"), html);
  }

  @Test
  void championIsMarked() {
    String html = report(head("reason", Optional.empty()));

    assertTrue(html.contains("<tr class=\"champion\"><td>" + V3 + "</td>"), html);
    assertEquals(1, count(html, "class=\"champion\""));
    assertTrue(html.contains("Champion now: <b>" + V3 + "</b>"), html);
  }

  @Test
  void keptDecisionWithoutChampionSaysNone() {
    List<WindowResult> windows = threeWindows();
    HeadOutcome kept = new HeadOutcome("like", windows, List.of(), Optional.empty(), Optional.empty(), Optional.of(windows.get(0)),
        new ChampionPolicy.Decision(false, "RCE 0.100 is below the minimum 1.000"), Optional.empty(),
        Optional.empty());

    String html = report(kept);

    assertTrue(html.contains("Decision: kept"), html);
    assertTrue(html.contains("Champion now: <b>none</b>"), html);
    assertFalse(html.contains("class=\"champion\""), html);
  }

  @Test
  void reasonIsEscaped() {
    String html = report(head("RCE <script>alert('x')</script> & more", Optional.empty()));

    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; more"), html);
  }

  @Test
  void documentIsClosed() {
    String html = report(head("reason", Optional.of(ORACLE)));

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.endsWith("</html>"));
    assertEquals(count(html, "<table>"), count(html, "</table>"));
    assertEquals(count(html, "<tr"), count(html, "</tr>"));
  }

  @Test
  void fileNameCarriesTheDay() {
    assertEquals("retrain-engagement-2020-03-12.html", RetrainReport.fileName(new RetrainOutcome("engagement", DAY, 4, List.of())));
  }
}
