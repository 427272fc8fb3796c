package io.daystream.evaluation.report;

import io.daystream.evaluation.report.HeadFigures.AgeValue;
import io.daystream.evaluation.report.HeadFigures.Calibration;
import io.daystream.evaluation.report.HeadFigures.ChampionStep;
import io.daystream.evaluation.report.HeadFigures.DayValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, drawn by JFreeChart without a display, as PNG bytes. */
public final class Charts {

  /** Window lines: blue, green, orange, purple, teal; the oracle is always dark red. */
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
      new Color(0x9467bd), new Color(0x17becf)};

  static final int WIDTH = 760;
  static final int HEIGHT = 340;

  private Charts() {}

  /** RCE per evaluation day, one line per series (windows, the oracle dashed). */
  public static byte[] rceOverTime(String head, Map<String, List<DayValue>> series) {
    TimeSeriesCollection dataset = new TimeSeriesCollection();
    series.forEach((name, points) -> dataset.addSeries(timeSeries(name, points)));
    JFreeChart chart = ChartFactory.createTimeSeriesChart("RCE of '" + head + "' per evaluation day",
        "evaluation day", "RCE", dataset, true, false, false);
    XYPlot plot = style(chart);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int index = 0;
    for (String name : series.keySet()) {
      if (name.equals("oracle")) {
        renderer.setSeriesPaint(index, Color.RED.darker());
        renderer.setSeriesStroke(index, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f));
      } else {
        renderer.setSeriesPaint(index, PALETTE[index % PALETTE.length]);
        renderer.setSeriesStroke(index, new BasicStroke(2f));
      }
      index++;
    }
    plot.setRenderer(renderer);
    dayAxis(plot, series.values().stream().flatMap(List::stream).map(DayValue::day).toList());
    return png(chart);
  }

  /** One bar per window's model on the evaluation day; the champion green, the oracle a dashed line. */
  public static byte[] windowBars(String head, List<String> labels, List<Double> rces, int championIndex,
      java.util.OptionalDouble oracle) {
    org.jfree.data.category.DefaultCategoryDataset dataset = new org.jfree.data.category.DefaultCategoryDataset();
    for (int i = 0; i < labels.size(); i++) {
      dataset.addValue(rces.get(i), "RCE", labels.get(i));
    }
    JFreeChart chart = ChartFactory.createBarChart("RCE of '" + head + "' per training window", "window", "RCE",
        dataset, PlotOrientation.VERTICAL, false, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    org.jfree.chart.plot.CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    org.jfree.chart.renderer.category.BarRenderer renderer = new org.jfree.chart.renderer.category.BarRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        return column == championIndex ? new Color(0x2e7d32) : new Color(0x5c85d6);
      }
    };
    renderer.setDrawBarOutline(false);
    renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
        new java.text.DecimalFormat("0.000", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
    renderer.setDefaultItemLabelsVisible(true);
    plot.setRenderer(renderer);
    if (oracle.isPresent()) {
      org.jfree.chart.plot.ValueMarker marker = new org.jfree.chart.plot.ValueMarker(oracle.getAsDouble());
      marker.setPaint(Color.RED.darker());
      marker.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      marker.setLabel(String.format(java.util.Locale.ROOT, "oracle %.3f", oracle.getAsDouble()));
      marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
      plot.addRangeMarker(marker);
      // Keep the oracle's line in view when it is above every bar.
      double top = Math.max(oracle.getAsDouble(), rces.stream().mapToDouble(Double::doubleValue).max().orElse(0));
      plot.getRangeAxis().setUpperBound(Math.max(plot.getRangeAxis().getUpperBound(), top * 1.1));
    }
    return png(chart);
  }

  /** Pooled RCE by model age in days: the cost of not retraining. */
  public static byte[] staleness(String head, List<AgeValue> ages) {
    XYSeries series = new XYSeries("pooled RCE");
    ages.forEach(age -> series.add(age.age(), age.pooledRce()));
    JFreeChart chart = ChartFactory.createXYLineChart("RCE of '" + head + "' models by age", "age (days since the model's own day)",
        "pooled RCE", new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
    XYPlot plot = style(chart);
    plot.setRenderer(new XYLineAndShapeRenderer(true, true));
    plot.getDomainAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    return png(chart);
  }

  /** The champion's training window after each move, by the evaluation day of the version promoted. */
  public static byte[] championTimeline(String head, List<ChampionStep> steps) {
    TimeSeries series = new TimeSeries("champion's window (days)");
    for (ChampionStep step : steps) {
      series.addOrUpdate(day(step.evaluationDay()), step.window());
    }
    JFreeChart chart = ChartFactory.createTimeSeriesChart("Champion of '" + head + "'", "evaluation day of the version promoted",
        "window (days)", new TimeSeriesCollection(series), false, false, false);
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setDefaultShapesVisible(true);
    XYPlot plot = style(chart);
    plot.setRenderer(renderer);
    dayAxis(plot, steps.stream().map(ChampionStep::evaluationDay).toList());
    return png(chart);
  }

  /** Observed positive rate against mean predicted probability per bin; the diagonal is perfect calibration. */
  public static byte[] calibration(String head, Calibration calibration) {
    XYSeries observed = new XYSeries("observed rate");
    XYSeries perfect = new XYSeries("perfect");
    double top = 0;
    for (Calibration.Bin bin : calibration.bins()) {
      observed.add(bin.meanPredicted(), bin.observedRate());
      top = Math.max(top, Math.max(bin.meanPredicted(), bin.observedRate()));
    }
    perfect.add(0, 0);
    perfect.add(top, top);
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(observed);
    dataset.addSeries(perfect);
    JFreeChart chart = ChartFactory.createXYLineChart("Calibration of " + calibration.version() + " on "
        + calibration.day(), "mean predicted probability", "observed positive rate", dataset, PlotOrientation.VERTICAL,
        true, false, false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(1, Color.GRAY);
    renderer.setSeriesShapesVisible(1, false);
    style(chart).setRenderer(renderer);
    return png(chart);
  }

  /** Ticks on whole days (every day up to two weeks, then spaced for about ten labels), labelled yyyy-MM-dd. */
  private static void dayAxis(XYPlot plot, List<java.time.LocalDate> days) {
    if (!(plot.getDomainAxis() instanceof org.jfree.chart.axis.DateAxis axis) || days.isEmpty()) {
      return;
    }
    java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("yyyy-MM-dd");
    format.setTimeZone(java.util.TimeZone.getDefault());
    long span = days.stream().mapToLong(java.time.LocalDate::toEpochDay).max().getAsLong()
        - days.stream().mapToLong(java.time.LocalDate::toEpochDay).min().getAsLong() + 1;
    int step = (int) Math.max(1, Math.ceil(span / 10.0));
    axis.setTickUnit(new org.jfree.chart.axis.DateTickUnit(org.jfree.chart.axis.DateTickUnitType.DAY, step, format));
    axis.setVerticalTickLabels(span > 7);
    axis.setLowerMargin(0.04);
    axis.setUpperMargin(0.06);
  }

  private static TimeSeries timeSeries(String name, List<DayValue> points) {
    TimeSeries series = new TimeSeries(name);
    points.forEach(point -> series.addOrUpdate(day(point.day()), point.value()));
    return series;
  }

  private static Day day(java.time.LocalDate date) {
    return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  private static XYPlot style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return plot;
  }

  private static byte[] png(JFreeChart chart) {
    // No display on servers and CI: AWT must not look for one.
    System.setProperty("java.awt.headless", "true");
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart " + chart.getTitle().getText(), e);
    }
  }
}
