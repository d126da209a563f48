package io.socialkpi.tables;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run was: the row of the {@code run_info} table, and its definition ({@link RowCodec}
 * derives the columns; documented in docs/TABLES.md). The report, and an analyst reading an old
 * run, need nothing but the tables: the strategy line, the window and zone the numbers are in, the
 * confidence level of every interval, each tactic's name and launch date, and what ran.
 *
 * @param window the same as {@code windowUnit}: {@code window} is a reserved word in DuckDB and
 *     other SQL dialects, so {@code window_unit} names it and {@code window} stays one release for
 *     readers of the old name
 * @param configSha256 hash of the effective config, secrets redacted
 * @param metrics every source metric's display name, unit and kind
 */
public record RunInfoRow(
    String strategy,
    String configFile,
    String zone,
    String window,
    String windowUnit,
    double confidence,
    double alpha,
    double quarantineMaxFraction,
    Instant startedAt,
    List<TacticRow> tactics,
    String jobVersion,
    String configSha256,
    String configUri,
    List<MetricRow> metrics)
    implements Serializable {

  /** One tactic of the run's config: an element of {@code run_info.tactics}. */
  public record TacticRow(
      String objectiveId, String tacticId, String tacticName, String channel, LocalDate launched)
      implements Serializable {}

  /**
   * One metric of the run's sources, as the report shows it: an element of {@code
   * run_info.metrics}.
   *
   * @param kind amount, count, score or rate
   * @param aggregate how the window value was made: sum, count, mean, last, min or max
   */
  public record MetricRow(String metricId, String name, String unit, String kind, String aggregate)
      implements Serializable {}
}
