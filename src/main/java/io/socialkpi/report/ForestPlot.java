package io.socialkpi.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The front page's picture of every verdict's evidence: per objective and entity, the latest
 * tactic's step beyond the trend as a share of the level before it ({@code adj_rel_effect}) with
 * its interval ({@code adj_rel_ci_*}), one row each, coloured by verdict, around a line at 0. A
 * relative scale puts sales, tickets and scores side by side; rows without a relative effect are
 * left out (the table above still lists them).
 */
final class ForestPlot {
  private static final int ROW = 24;
  private static final int MARGIN = 90;
  private static final int MAX_LABEL = 48;

  private ForestPlot() {}

  /** One row: a label, the estimate and its interval as fractions, and the row's verdict. */
  record Row(String label, double estimate, double low, double high, String verdict) {}

  /**
   * A label cut to {@link #MAX_LABEL} characters in its name, keeping the entity in brackets at its
   * end, so two entities of one long objective stay told apart.
   */
  static String shortLabel(String label) {
    if (label.length() <= MAX_LABEL) {
      return label;
    }
    int open = label.lastIndexOf(" (");
    String entity =
        open > 0 && label.endsWith(")") && label.length() - open <= MAX_LABEL / 2
            ? label.substring(open)
            : "";
    return label.substring(0, MAX_LABEL - entity.length() - 1) + "\u2026" + entity;
  }

  /** The front page's chart of adjusted effects, as inline SVG, or null without rows. */
  static String of(String id, List<Row> rows, String confidence) {
    return of(
        id,
        rows,
        "change beyond the trend at the launch, % of the level before (" + confidence + " CI)",
        100,
        true);
  }

  /**
   * Rows of dots (with whiskers where low and high differ) coloured by verdict, as inline SVG, or
   * null without rows: values times {@code scale} on an axis named {@code axis}, with a dashed line
   * at 0 when {@code zeroLine}.
   */
  static String of(String id, List<Row> rows, String axis, double scale, boolean zeroLine) {
    if (rows.isEmpty()) {
      return null;
    }
    XYIntervalSeries supported = new XYIntervalSeries("supported");
    XYIntervalSeries contradicted = new XYIntervalSeries("contradicted");
    XYIntervalSeries inconclusive = new XYIntervalSeries("inconclusive");
    XYIntervalSeries control = new XYIntervalSeries("control");
    String[] labels = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      // The first row on top: the axis counts upwards.
      int y = rows.size() - 1 - i;
      // Long names would squeeze the plot to a sliver: the row's full name is in the table above.
      labels[y] = shortLabel(r.label());
      XYIntervalSeries s =
          switch (r.verdict() == null ? "" : r.verdict()) {
            case "supported" -> supported;
            case "contradicted" -> contradicted;
            case "control" -> control;
            default -> inconclusive;
          };
      s.add(scale * r.estimate(), scale * r.low(), scale * r.high(), y, y, y);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(supported);
    data.addSeries(contradicted);
    data.addSeries(inconclusive);
    if (control.getItemCount() > 0) {
      data.addSeries(control);
    }
    NumberAxis effect = new NumberAxis(axis);
    effect.setAutoRangeIncludesZero(zeroLine);
    SymbolAxis names = new SymbolAxis(null, labels);
    names.setTickLabelFont(Charts.FONT);
    names.setGridBandsVisible(false);
    XYErrorRenderer whiskers = new XYErrorRenderer();
    whiskers.setDrawYError(false);
    whiskers.setDefaultLinesVisible(false);
    whiskers.setDefaultShapesVisible(true);
    whiskers.setErrorStroke(new BasicStroke(1.5f));
    whiskers.setErrorPaint(null);
    whiskers.setSeriesPaint(0, new Color(0x2e7d32));
    whiskers.setSeriesPaint(1, new Color(0xc62828));
    whiskers.setSeriesPaint(2, new Color(0x8d6e00));
    whiskers.setSeriesPaint(3, Charts.CONTROL);
    XYPlot plot = new XYPlot(data, effect, names, whiskers);
    if (zeroLine) {
      plot.addDomainMarker(new ValueMarker(0, Color.GRAY, Charts.dashed(1f)));
    }
    JFreeChart chart = Charts.chart(plot);
    return Charts.svg(id, chart, MARGIN + ROW * rows.size());
  }
}
