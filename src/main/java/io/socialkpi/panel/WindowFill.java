package io.socialkpi.panel;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.tables.RowCodec;
import io.socialkpi.tables.WindowMetricRow;
import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Fills one (source, entity, metric) series out to every window of its source's range. Plain Java
 * applied per group: the gap policy lives here, testable without Spark.
 */
final class WindowFill implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The local dates a source's accepted rows span, and the first window holding a real observation
   * (a row that counts for one of its metrics; null if none does): an accepted row that counts for
   * nothing (a test order left out by a where-condition) stretches the range, but the windows
   * before the first observation are never complete, so never zeros the analysis would count.
   */
  record Coverage(LocalDate firstDate, LocalDate lastDate, LocalDate firstObserved)
      implements Serializable {
    Coverage(LocalDate firstDate, LocalDate lastDate) {
      this(firstDate, lastDate, firstDate);
    }
  }

  // Positions in the observed rows: (source, entity, window_start, metric, value, n_obs).
  private static final int WINDOW_START = 2;
  private static final int VALUE = 4;
  private static final int N_OBS = 5;

  private final WindowUnit unit;
  private final Map<String, Coverage> coverage;
  private final Map<String, MetricSpec> metrics;

  WindowFill(WindowUnit unit, Map<String, Coverage> coverage, Map<String, MetricSpec> metrics) {
    this.unit = unit;
    this.coverage = coverage;
    this.metrics = metrics;
  }

  /**
   * One series' rows with a row for every window of its source's range, a missing window filled.
   *
   * @param observed rows (source, entity, window_start, metric, value, n_obs) of one series
   * @return rows (source, entity, window_start, window_end, metric, aggregate, value, n_obs,
   *     complete), one per window of the source's range
   */
  Iterator<Row> fill(String source, String entity, String metricId, Iterator<Row> observed) {
    Map<LocalDate, Row> byWindow = new HashMap<>();
    while (observed.hasNext()) {
      Row r = observed.next();
      byWindow.put(((Date) r.get(WINDOW_START)).toLocalDate(), r);
    }
    Coverage c = coverage.get(source);
    MetricSpec metric = metrics.get(metricId);
    boolean zero = metric.gap() == GapPolicy.ZERO;
    RowCodec<WindowMetricRow> codec = RowCodec.of(WindowMetricRow.class);
    List<Row> out = new ArrayList<>();
    LocalDate last = unit.start(c.lastDate());
    for (LocalDate w = unit.start(c.firstDate()); !w.isAfter(last); w = unit.next(w)) {
      Row r = byWindow.get(w);
      long n = r == null ? 0L : r.getLong(N_OBS);
      Double value = r == null || r.isNullAt(VALUE) ? null : r.getDouble(VALUE);
      if (value == null && zero) {
        value = 0.0;
      } else if (n == 0 && !zero) {
        value = null;
      }
      LocalDate end = unit.end(w);
      boolean complete =
          !w.isBefore(c.firstDate())
              && !end.isAfter(c.lastDate())
              && c.firstObserved() != null
              && !w.isBefore(c.firstObserved());
      out.add(
          codec.encode(
              new WindowMetricRow(
                  source, entity, w, end, metricId, metric.aggregate().key(), value, n, complete)));
    }
    return out.iterator();
  }
}
