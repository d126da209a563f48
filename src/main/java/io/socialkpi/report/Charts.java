package io.socialkpi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's two charts, drawn by JFreeChart into inline SVG (JFreeSVG escapes every label): an
 * outcome with its lead indicator over time, the launch marked and the before/after means drawn;
 * and a lead indicator's correlation by lag with confidence-interval whiskers.
 */
final class Charts {
  static final Color OUTCOME = new Color(0x1f4e79);
  static final Color LEAD = new Color(0xc55a11);
  static final Color CONTROL = new Color(0x7f7f7f);
  static final Color MEANS = new Color(0x2e7d32);
  static final Color TARGET = new Color(0x6a1b9a);
  private static final Color[] LEADS = {LEAD, new Color(0x548235), new Color(0x7030a0), OUTCOME};
  static final Font FONT = new Font("SansSerif", Font.PLAIN, 11);
  private static final int WIDTH = 760;
  private static final int HEIGHT = 300;

  static {
    // Charts are drawn off-screen; a cluster driver has no display.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** A mean drawn over a period [from, until), e.g. the before or after mean of the outcome. */
  record Level(LocalDate from, LocalDate until, double value, String label) {}

  /** A dated vertical line, e.g. a tactic's launch. */
  record Launch(LocalDate date, String label) {}

  /**
   * The straight path from the baseline to the target: where on_track measures the outcome against
   * ({@code objective_summary.on_track}), drawn so a reader sees how far off it is.
   */
  record TargetPath(LocalDate from, double baseline, LocalDate by, double target, String label) {}

  static String timeSeries(
      String id,
      String outcomeLabel,
      List<Facts.Point> outcome,
      String controlLabel,
      List<Facts.Point> control,
      String leadLabel,
      List<Facts.Point> lead,
      List<Launch> launches,
      List<Level> levels,
      TargetPath target) {
    XYSeriesCollection left = new XYSeriesCollection();
    left.addSeries(series(outcomeLabel, outcome));
    if (controlLabel != null && !control.isEmpty()) {
      left.addSeries(series(controlLabel, control));
    }
    int targetSeries = -1;
    if (target != null) {
      // A series, not an annotation: the axes then stretch to a target outside the data.
      XYSeries path = new XYSeries(target.label(), true, false);
      path.add(millis(target.from()), target.baseline());
      path.add(millis(target.by()), target.target());
      targetSeries = left.getSeriesCount();
      left.addSeries(path);
    }
    DateAxis time = new DateAxis(null, TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
    SimpleDateFormat months = new SimpleDateFormat("MMM yyyy", Locale.ENGLISH);
    months.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(months);
    NumberAxis outcomeAxis = new NumberAxis(outcomeLabel);
    outcomeAxis.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    // One SVG path per series instead of one element per segment: a tenth of the size.
    lines.setDrawSeriesLineAsPath(true);
    lines.setSeriesPaint(0, OUTCOME);
    lines.setSeriesStroke(0, new BasicStroke(2f));
    if (left.getSeriesCount() > 1 && targetSeries != 1) {
      lines.setSeriesPaint(1, CONTROL);
      lines.setSeriesStroke(1, dashed(1.5f));
    }
    if (targetSeries >= 0) {
      lines.setSeriesPaint(targetSeries, TARGET);
      lines.setSeriesStroke(
          targetSeries,
          new BasicStroke(
              1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 4f}, 0f));
    }
    XYPlot plot = new XYPlot(left, time, outcomeAxis, lines);
    if (leadLabel != null && !lead.isEmpty()) {
      NumberAxis leadAxis = new NumberAxis(leadLabel);
      leadAxis.setAutoRangeIncludesZero(false);
      XYLineAndShapeRenderer leadLine = new XYLineAndShapeRenderer(true, false);
      leadLine.setDrawSeriesLineAsPath(true);
      leadLine.setSeriesPaint(0, LEAD);
      leadLine.setSeriesStroke(0, new BasicStroke(1.2f));
      plot.setRangeAxis(1, leadAxis);
      plot.setDataset(1, new XYSeriesCollection(series(leadLabel, lead)));
      plot.setRenderer(1, leadLine);
      plot.mapDatasetToRangeAxis(1, 1);
    }
    for (Launch l : launches) {
      ValueMarker m = new ValueMarker(millis(l.date()), Color.BLACK, dashed(1f));
      m.setLabel(l.label());
      m.setLabelFont(FONT);
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(m, Layer.FOREGROUND);
    }
    for (Level level : levels) {
      double from = millis(level.from());
      double to = millis(level.until());
      plot.addAnnotation(
          new XYLineAnnotation(
              from, level.value(), to, level.value(), new BasicStroke(2.5f), MEANS));
      IntervalMarker band = new IntervalMarker(from, to, new Color(0, 0, 0, 12));
      band.setLabel(level.label());
      band.setLabelFont(FONT);
      band.setLabelAnchor(RectangleAnchor.BOTTOM);
      band.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
      plot.addDomainMarker(band, Layer.BACKGROUND);
    }
    return svg(id, chart(plot));
  }

  /** One series of points per lead: x = lag (shifted a little per lead), y = coefficient. */
  static String lags(
      String id, String symbol, List<List<Facts.LagPoint>> leads, String unit, MetricNames names) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    int i = 0;
    for (List<Facts.LagPoint> points : leads) {
      if (points.isEmpty()) {
        continue;
      }
      Facts.LagPoint first = points.get(0);
      YIntervalSeries s =
          new YIntervalSeries(
              names.name(first.leadMetric())
                  + " ("
                  + first.method()
                  + ", "
                  + first.transform()
                  + ")");
      double shift = 0.08 * (i - (leads.size() - 1) / 2.0);
      for (Facts.LagPoint p : points) {
        if (p.coefficient() != null) {
          double lo = p.ciLow() == null ? p.coefficient() : p.ciLow();
          double hi = p.ciHigh() == null ? p.coefficient() : p.ciHigh();
          s.add(p.lag() + shift, p.coefficient(), lo, hi);
        }
      }
      data.addSeries(s);
      i++;
    }
    NumberAxis lagAxis = new NumberAxis("lag: " + unit + "s the lead indicator is ahead");
    lagAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    lagAxis.setAutoRangeIncludesZero(true);
    NumberAxis coefficientAxis = new NumberAxis("correlation " + symbol + " with 95% CI");
    coefficientAxis.setRange(-1.05, 1.05);
    XYErrorRenderer whiskers = new XYErrorRenderer();
    whiskers.setDrawXError(false);
    whiskers.setDefaultLinesVisible(false);
    whiskers.setDefaultShapesVisible(true);
    for (int s = 0; s < data.getSeriesCount(); s++) {
      whiskers.setSeriesPaint(s, LEADS[s % LEADS.length]);
    }
    whiskers.setErrorPaint(null);
    XYPlot plot = new XYPlot(data, lagAxis, coefficientAxis, whiskers);
    plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    return svg(id, chart(plot));
  }

  static XYSeries series(String label, List<Facts.Point> points) {
    XYSeries s = new XYSeries(label, true, false);
    for (Facts.Point p : points) {
      if (p.complete()) {
        s.add(millis(p.windowStart()), p.value());
      }
    }
    return s;
  }

  static JFreeChart chart(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(null, FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(FONT);
    return chart;
  }

  private static String svg(String id, JFreeChart chart) {
    return svg(id, chart, HEIGHT);
  }

  /** The chart as an inline SVG element of the report's width and {@code height}. */
  static String svg(String id, JFreeChart chart, int height) {
    return svg(id, chart, WIDTH, height);
  }

  /** The chart as an inline SVG element of {@code width} by {@code height}. */
  static String svg(String id, JFreeChart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // A fixed prefix per chart keeps ids unique in the page and the report byte-for-byte stable.
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
  }

  static double millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
  }
}
