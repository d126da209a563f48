package io.socialkpi.tables;

import io.socialkpi.words.Sentences;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Where one objective stands for one entity: a row of the {@code objective_summary} table, and its
 * definition ({@link RowCodec} derives the columns; documented in docs/TABLES.md). NaN is written
 * as null.
 *
 * @param recentValue mean outcome over the last few windows, the level progress and on-track are
 *     judged on (one window alone is too noisy)
 * @param recentWindows how many windows {@code recentValue} averages (fewer than the usual number
 *     when the series is short)
 * @param bestLeadSignificant the best lead's q-value is below the run's alpha (null without a lead)
 * @param baselineValue mean outcome before the first tactic's launch
 * @param latestWindowEnd last day of {@code latestWindow}: the outcome's data runs through it
 * @param targetStatus {@code on_track} or {@code behind} before the target date, {@code reached} or
 *     {@code missed} once the run date is on or after it; null without a target
 * @param controlEntity this entity is the objective's control entity, which the tactics missed
 * @param verdict the verdict and the columns after it need the whole run's q-values: null in a
 *     group's result, set by {@link #withVerdict}
 */
public record SummaryRow(
    String objectiveId,
    String objectiveName,
    String entity,
    String department,
    String perspective,
    String priority,
    String outcomeMetric,
    String expectedDirection,
    int windows,
    LocalDate latestWindow,
    LocalDate latestWindowEnd,
    double latestValue,
    double recentValue,
    int recentWindows,
    double baselineValue,
    double targetValue,
    LocalDate targetDate,
    double progress,
    Boolean onTrack,
    String targetStatus,
    String headline,
    boolean controlEntity,
    String verdict,
    String verdictReason,
    String verdictReasonCode,
    String bestLeadMetric,
    Integer bestLag,
    double bestLeadQValue,
    Boolean bestLeadSignificant,
    List<LeadEvidenceRow> leadEvidence)
    implements Serializable {

  /**
   * This row with its verdict: the headline starts with it, and the best lead (or null) and every
   * lead's best lag (null when there is none) are added, and whether the best lead's q is below
   * {@code alpha}.
   */
  public SummaryRow withVerdict(
      String verdict,
      String code,
      String reason,
      LeadEvidenceRow best,
      List<LeadEvidenceRow> leads,
      double alpha) {
    return new SummaryRow(
        objectiveId,
        objectiveName,
        entity,
        department,
        perspective,
        priority,
        outcomeMetric,
        expectedDirection,
        windows,
        latestWindow,
        latestWindowEnd,
        latestValue,
        recentValue,
        recentWindows,
        baselineValue,
        targetValue,
        targetDate,
        progress,
        onTrack,
        targetStatus,
        Sentences.verdictPrefix(verdict) + headline,
        controlEntity,
        verdict,
        reason,
        code,
        best == null ? null : best.leadMetric(),
        best == null ? null : best.lag(),
        best == null ? Double.NaN : best.qValue(),
        best == null ? null : best.qValue() < alpha,
        leads == null || leads.isEmpty() ? null : leads);
  }
}
