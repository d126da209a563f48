package io.socialkpi.analysis;

import io.socialkpi.stats.CounterfactualResult;
import io.socialkpi.stats.DiffInDiffResult;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Before/after comparison of one metric around one tactic's launch, for one objective and entity: a
 * row of the {@code intervention_effects} table.
 *
 * @param role outcome, lead or control: what the metric is to the objective
 * @param controlMetric the control series the outcome was compared with, or null
 * @param did difference-in-differences against the control (outcome rows with a control only)
 * @param counterfactual the outcome against its pre-period fit (outcome rows only)
 */
public record EffectRow(
    String objectiveId,
    String entity,
    String tacticId,
    String metric,
    String role,
    LocalDate launched,
    LocalDate beforeStart,
    LocalDate afterStart,
    int nBefore,
    int nAfter,
    double meanBefore,
    double meanAfter,
    double sdBefore,
    double sdAfter,
    double absChange,
    double relChange,
    double tStat,
    double df,
    double pValue,
    double ciLow,
    double ciHigh,
    double effectSize,
    double mannWhitneyP,
    String controlMetric,
    DiffInDiffResult did,
    CounterfactualResult counterfactual,
    String note)
    implements Serializable {}
