package io.socialkpi.report;

import java.util.List;
import java.util.Map;

/** Which {@code window_metrics} series a chart of one objective and entity draws. */
final class Series {
  private Series() {}

  /**
   * The (metric, entity) of a control as written in {@code intervention_effects.control_metric}:
   * {@code outcome@entity} for a control entity, else a metric of the same entity.
   */
  static List<String> control(String controlMetric, String entity) {
    int at = controlMetric.lastIndexOf('@');
    return at < 0
        ? List.of(controlMetric, entity)
        : List.of(controlMetric.substring(0, at), controlMetric.substring(at + 1));
  }

  /** A lead's series: the entity's own, or the shared one of a source without entities. */
  static List<Facts.Point> lead(
      Map<String, List<Facts.Point>> series, String metric, String entity) {
    List<Facts.Point> own = series.get(ReportData.seriesKey(metric, entity));
    return own != null ? own : series.getOrDefault(ReportData.seriesKey(metric, "all"), List.of());
  }

  static List<Facts.Point> of(Map<String, List<Facts.Point>> series, List<String> metricEntity) {
    return series.getOrDefault(
        ReportData.seriesKey(metricEntity.get(0), metricEntity.get(1)), List.of());
  }
}
