package io.socialkpi.report;

import io.socialkpi.tables.ColumnName;
import io.socialkpi.tables.Prefixed;
import io.socialkpi.tables.QualityRow;
import java.time.LocalDate;
import java.util.List;

/**
 * The rows of one run that the report shows, as plain values read from the output tables. Nothing
 * here is computed: every number is a table value (docs/TABLES.md names the columns). The evidence
 * tables' records are read by {@link io.socialkpi.tables.RowCodec}: each component is the column of
 * its name in snake_case or of its {@link ColumnName} (a test checks they are columns of the
 * tables' definitions in {@code io.socialkpi.tables}).
 */
final class Facts {
  private Facts() {}

  /** A row of {@code objective_summary}. */
  record Objective(
      String objectiveId,
      @ColumnName("objective_name") String name,
      String entity,
      String department,
      String perspective,
      String priority,
      String outcomeMetric,
      String expectedDirection,
      Integer windows,
      LocalDate latestWindow,
      LocalDate latestWindowEnd,
      Double latestValue,
      Double recentValue,
      Integer recentWindows,
      Double baselineValue,
      Double targetValue,
      LocalDate targetDate,
      Double progress,
      Boolean onTrack,
      String targetStatus,
      String headline,
      boolean controlEntity,
      String verdict,
      String verdictReason,
      String bestLeadMetric,
      Integer bestLag,
      @ColumnName("best_lead_q_value") Double bestLeadQ,
      Boolean bestLeadSignificant,
      @ColumnName("lead_evidence") List<Lead> leads) {

    /** A row without lead evidence (the column is null) has no leads. */
    Objective {
      leads = leads == null ? List.of() : leads;
    }

    /** Unique: an objective id never holds a NUL (a config name), whatever the entity holds. */
    String key() {
      return objectiveId + "\u0000" + entity;
    }

    String displayName() {
      return name != null ? name : objectiveId;
    }
  }

  /** One entry of {@code objective_summary.lead_evidence}: a lead indicator's best lag. */
  record Lead(
      String leadMetric,
      Integer lag,
      String method,
      String transform,
      Double coefficient,
      Double qValue,
      Boolean trendDriven) {}

  /** A row of {@code intervention_effects}. */
  record Effect(
      String tacticId,
      String metric,
      String role,
      LocalDate launched,
      LocalDate beforeStart,
      LocalDate beforeEnd,
      LocalDate afterStart,
      LocalDate afterEnd,
      Integer nBefore,
      Integer nAfter,
      Double meanBefore,
      Double meanAfter,
      Double absChange,
      Double relChange,
      Double pValue,
      Double ciLow,
      Double ciHigh,
      Double relCiLow,
      Double relCiHigh,
      Double effectSize,
      Double mannWhitneyP,
      String note,
      String controlMetric,
      Double didEstimate,
      Double didPValue,
      Double didCiLow,
      Double didCiHigh,
      String didNote,
      Double cfAverageEffect,
      Double cfPValue,
      String cfNote,
      @Prefixed("adj_") Adjusted adjusted) {}

  /** The adjusted-effect columns ({@code adj_*}) of an outcome row of intervention_effects. */
  record Adjusted(
      String model,
      Double estimate,
      Double ciLow,
      Double ciHigh,
      Double relEffect,
      Double relCiLow,
      Double relCiHigh,
      Double pValue,
      Double placeboPValue,
      String note) {}

  /** A row of {@code correlations} for a lead indicator's method and transform. */
  record LagPoint(
      String leadMetric,
      int lag,
      String method,
      String transform,
      Integer n,
      Double coefficient,
      Double ciLow,
      Double ciHigh,
      Double pValue,
      Double qValue,
      Boolean trendDriven,
      Boolean directionOk,
      String note) {}

  /** A row of {@code window_metrics}. */
  record Point(LocalDate windowStart, Double value, boolean complete) {}

  /** A row of {@code data_quality} with its quarantine reasons. */
  record Quality(QualityRow counts, List<Reason> reasons) {}

  /** A quarantine reason of one source: how many rows, and the first few of them. */
  record Reason(String reason, long rows, List<Example> examples) {}

  /** One quarantined row, its raw text cut to a readable length. */
  record Example(String file, long line, String detail, String raw) {}

  /** One tactic from {@code run_info}. */
  record Tactic(
      String objectiveId,
      String tacticId,
      @ColumnName("tactic_name") String name,
      String channel,
      LocalDate launched) {}

  /** One entity in an objective's ranking: its verdict, progress and recent value. */
  record Ranked(
      String entity, String verdict, boolean control, Double progress, Double recentValue) {}

  /** One metric's display from {@code run_info.metrics}. */
  record Metric(String metricId, String name, String unit, String kind, String aggregate) {}

  /** The {@code run_info} row; null fields when the run predates the table or the column. */
  record RunInfo(
      String strategy,
      String zone,
      @ColumnName("window") String oldWindowUnit,
      String windowUnit,
      Double confidence,
      Double alpha,
      Double quarantineMaxFraction,
      java.time.Instant startedAt,
      List<Tactic> tactics,
      List<Metric> metrics) {

    /** A run without the columns has no tactics and no metric names. */
    RunInfo {
      tactics = tactics == null ? List.of() : tactics;
      metrics = metrics == null ? List.of() : metrics;
    }

    /** The reporting zone of the run's windows; UTC without one, or one this JVM does not know. */
    java.time.ZoneId zoneId() {
      try {
        return zone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        return java.time.ZoneOffset.UTC;
      }
    }

    /** The window unit; runs written before window_unit have only window. */
    String window() {
      return windowUnit != null ? windowUnit : oldWindowUnit;
    }
  }
}
