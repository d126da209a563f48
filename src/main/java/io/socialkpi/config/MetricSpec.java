package io.socialkpi.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One metric computed from a source, e.g. {@code applications.via-facebook-tab}.
 *
 * @param source name of the source it is read from
 * @param name name within the source
 * @param column column holding the value; null for a count of rows
 * @param aggregate how a window's observations become one value
 * @param where column to accepted values: a row counts only if it meets every condition
 * @param gap what a window without observations holds
 * @param nonNegative the column's values cannot be below zero; a negative one quarantines the row
 */
public record MetricSpec(
    String source,
    String name,
    String column,
    Aggregate aggregate,
    Map<String, List<String>> where,
    GapPolicy gap,
    boolean nonNegative,
    MetricDisplay display)
    implements Serializable {

  /** A metric shown under its key's words, without a unit. */
  public MetricSpec(
      String source,
      String name,
      String column,
      Aggregate aggregate,
      Map<String, List<String>> where,
      GapPolicy gap,
      boolean nonNegative) {
    this(
        source,
        name,
        column,
        aggregate,
        where,
        gap,
        nonNegative,
        MetricDisplay.defaults(name, aggregate));
  }

  /** A metric whose values may be negative (refunds, sentiment). */
  public MetricSpec(
      String source,
      String name,
      String column,
      Aggregate aggregate,
      Map<String, List<String>> where,
      GapPolicy gap) {
    this(source, name, column, aggregate, where, gap, false);
  }

  /** The qualified name used in objectives and tables: {@code source.metric}. */
  public String id() {
    return source + "." + name;
  }
}
