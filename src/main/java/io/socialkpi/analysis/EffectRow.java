package io.socialkpi.analysis;

import io.socialkpi.stats.AdjustedEffect;
import io.socialkpi.stats.CounterfactualResult;
import io.socialkpi.stats.DiffInDiffResult;
import io.socialkpi.stats.TwoSampleResult;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Before/after comparison of one metric around one tactic's launch, for one objective and entity: a
 * row of the {@code intervention_effects} table.
 *
 * @param beforeStart first window of the "before" period; {@code beforeEnd} its last (inclusive)
 * @param afterStart first window of the "after" period; {@code afterEnd} its last (inclusive)
 * @param role outcome, lead or control: what the metric is to the objective
 * @param test the before/after comparison (means, Welch t, Hedges' g, Mann–Whitney)
 * @param controlMetric the control series the outcome was compared with, or null
 * @param did difference-in-differences against the control (outcome rows with a control only)
 * @param counterfactual the outcome against its pre-period fit (outcome rows only)
 * @param adjusted the step at the launch beyond trend, weekday pattern, control and earlier
 *     tactics, with Newey–West and placebo p-values: what the verdict rests on (outcome rows only)
 */
public record EffectRow(
    String objectiveId,
    String entity,
    String tacticId,
    String metric,
    String role,
    LocalDate launched,
    LocalDate beforeStart,
    LocalDate beforeEnd,
    LocalDate afterStart,
    LocalDate afterEnd,
    TwoSampleResult test,
    String controlMetric,
    DiffInDiffResult did,
    CounterfactualResult counterfactual,
    AdjustedEffect adjusted)
    implements Serializable {}
