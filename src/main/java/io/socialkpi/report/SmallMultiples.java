package io.socialkpi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * An objective's entities side by side: a small chart of each shown entity's outcome per window on
 * one shared scale, the launches dashed, so regions compare at a glance before their sections.
 */
final class SmallMultiples {
  static final int WIDTH = 300;
  static final int HEIGHT = 130;
  private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 10);

  private SmallMultiples() {}

  /** One entity's panel: its outcome series and launches, and what the page says above it. */
  record Panel(
      String anchor,
      String entity,
      String verdict,
      String kpi,
      List<Facts.Point> outcome,
      List<LocalDate> launches) {}

  /** Every panel drawn on the range of all of them; none for fewer than two with data. */
  static List<ReportPage.Multiple> of(String id, List<Panel> panels) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    int withData = 0;
    for (Panel p : panels) {
      boolean any = false;
      for (Facts.Point x : p.outcome()) {
        if (x.complete() && x.value() != null && Double.isFinite(x.value())) {
          low = Math.min(low, x.value());
          high = Math.max(high, x.value());
          any = true;
        }
      }
      withData += any ? 1 : 0;
    }
    List<ReportPage.Multiple> drawn = new ArrayList<>();
    if (withData < 2) {
      return drawn;
    }
    double pad = high > low ? 0.05 * (high - low) : Math.max(1, Math.abs(high) * 0.05);
    int i = 0;
    for (Panel p : panels) {
      i++;
      String panelId = id + "-" + i;
      drawn.add(
          new ReportPage.Multiple(
              p.anchor(),
              p.entity(),
              p.verdict(),
              p.kpi(),
              Charts.svg(panelId, chart(p, low - pad, high + pad), WIDTH, HEIGHT)));
    }
    return drawn;
  }

  private static JFreeChart chart(Panel p, double low, double high) {
    DateAxis time = new DateAxis(null, TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
    SimpleDateFormat years = new SimpleDateFormat("MMM yy", Locale.ENGLISH);
    years.setTimeZone(TimeZone.getTimeZone("UTC"));
    time.setDateFormatOverride(years);
    time.setTickLabelFont(SMALL);
    NumberAxis value = new NumberAxis(null);
    value.setRange(low, high);
    value.setTickLabelFont(SMALL);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setDrawSeriesLineAsPath(true);
    line.setSeriesPaint(0, Charts.OUTCOME);
    line.setSeriesStroke(0, new BasicStroke(1.2f));
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(Charts.series(p.entity(), p.outcome())), time, value, line);
    for (LocalDate launch : p.launches()) {
      plot.addDomainMarker(
          new ValueMarker(Charts.millis(launch), Color.BLACK, Charts.dashed(1f)), Layer.FOREGROUND);
    }
    JFreeChart chart = Charts.chart(plot);
    chart.removeLegend();
    return chart;
  }
}
