package io.socialkpi.panel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The aligned series of one objective for one entity: one value per window for the outcome, each
 * lead indicator and the control, with NaN where a window has no value. Plain Java: built inside a
 * Spark group, read by the statistics.
 */
public final class ObjectivePanel {
  /** One (metric, window, value) cell of the long panel; value may be null. */
  public record Cell(String metric, LocalDate window, Double value) {}

  private final String objectiveId;
  private final String entity;
  private final LocalDate[] windows;
  private final Map<String, double[]> series;

  private ObjectivePanel(
      String objectiveId, String entity, LocalDate[] windows, Map<String, double[]> series) {
    this.objectiveId = objectiveId;
    this.entity = entity;
    this.windows = windows;
    this.series = series;
  }

  /** Aligns cells on the sorted union of their windows. */
  public static ObjectivePanel of(String objectiveId, String entity, List<Cell> cells) {
    TreeSet<LocalDate> all = new TreeSet<>();
    for (Cell c : cells) {
      all.add(c.window());
    }
    LocalDate[] windows = all.toArray(new LocalDate[0]);
    Map<LocalDate, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < windows.length; i++) {
      index.put(windows[i], i);
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    for (Cell c : cells) {
      double[] values =
          series.computeIfAbsent(
              c.metric(),
              m -> {
                double[] empty = new double[windows.length];
                Arrays.fill(empty, Double.NaN);
                return empty;
              });
      values[index.get(c.window())] = c.value() == null ? Double.NaN : c.value();
    }
    return new ObjectivePanel(objectiveId, entity, windows, series);
  }

  public String objectiveId() {
    return objectiveId;
  }

  public String entity() {
    return entity;
  }

  public LocalDate[] windows() {
    return windows.clone();
  }

  public int size() {
    return windows.length;
  }

  /** The metric's values, one per window; all NaN when the metric has no data here. */
  public double[] series(String metric) {
    double[] values = series.get(metric);
    if (values == null) {
      values = new double[windows.length];
      Arrays.fill(values, Double.NaN);
    }
    return values.clone();
  }

  /** Index of the first window starting on or after {@code date}; {@link #size()} if none. */
  public int firstAtOrAfter(LocalDate date) {
    for (int i = 0; i < windows.length; i++) {
      if (!windows[i].isBefore(date)) {
        return i;
      }
    }
    return windows.length;
  }
}
