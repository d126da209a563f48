package io.socialkpi.tables;

import io.socialkpi.stats.AdjustedEffect;
import io.socialkpi.stats.CounterfactualResult;
import io.socialkpi.stats.DiffInDiffResult;
import io.socialkpi.stats.RelativeChange;
import io.socialkpi.stats.TwoSampleResult;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * Before/after comparison of one metric around one tactic's launch, for one objective and entity: a
 * row of the {@code intervention_effects} table, and its definition ({@link RowCodec} derives the
 * columns; documented in docs/TABLES.md). Flat, column for column, so that adding a column is
 * adding a component here and its value in {@link #of}. NaN is written as null.
 *
 * <p>{@code n_before} to {@code note}: the before/after test ({@code effect_size} is Hedges' g;
 * {@code rel_ci_*} the Fieller interval of {@code rel_change}, {@link RelativeChange}); {@code
 * did_*}: difference-in-differences against the control (outcome rows with a control only); {@code
 * cf_*}: the outcome against its pre-period fit (outcome rows only); {@code adj_*}: the step at the
 * launch beyond trend, weekday pattern, control and earlier tactics, with Newey–West and placebo
 * p-values, what the verdict rests on (outcome rows only).
 *
 * @param beforeStart first window of the "before" period; {@code beforeEnd} its last (inclusive)
 * @param afterStart first window of the "after" period; {@code afterEnd} its last (inclusive)
 * @param role outcome, lead or control: what the metric is to the objective
 * @param controlMetric the control series the outcome was compared with, or null
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
    double relCiLow,
    double relCiHigh,
    double effectSize,
    double mannWhitneyP,
    String note,
    String controlMetric,
    double didEstimate,
    double didStdError,
    double didPValue,
    double didCiLow,
    double didCiHigh,
    double didPreTrendP,
    String didNote,
    double cfPredictedMean,
    double cfAverageEffect,
    double cfCumulativeEffect,
    double cfRelativeEffect,
    double cfCiLow,
    double cfCiHigh,
    double cfPValue,
    String cfNote,
    String adjModel,
    Integer adjNPre,
    Integer adjNPost,
    double adjEstimate,
    double adjStdError,
    double adjDf,
    double adjPValue,
    double adjCiLow,
    double adjCiHigh,
    double adjRelEffect,
    double adjRelCiLow,
    double adjRelCiHigh,
    double adjPlaceboPValue,
    double adjPlaceboInflation,
    Integer adjPlacebos,
    Integer adjHacLags,
    String adjNote)
    implements Serializable {

  /** The row of one metric around one launch, from the statistics computed for it. */
  public static EffectRow of(
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
      TwoSampleResult t,
      String controlMetric,
      DiffInDiffResult did,
      CounterfactualResult cf,
      AdjustedEffect a) {
    double nan = Double.NaN;
    RelativeChange rel = RelativeChange.of(t);
    return new EffectRow(
        objectiveId,
        entity,
        tacticId,
        metric,
        role,
        launched,
        beforeStart,
        beforeEnd,
        afterStart,
        afterEnd,
        t.nBefore(),
        t.nAfter(),
        t.meanBefore(),
        t.meanAfter(),
        t.sdBefore(),
        t.sdAfter(),
        t.absChange(),
        t.relChange(),
        t.tStat(),
        t.df(),
        t.pValue(),
        t.ciLow(),
        t.ciHigh(),
        rel.ciLow(),
        rel.ciHigh(),
        t.hedgesG(),
        t.mannWhitneyP(),
        t.note(),
        controlMetric,
        did == null ? nan : did.estimate(),
        did == null ? nan : did.stdError(),
        did == null ? nan : did.pValue(),
        did == null ? nan : did.ciLow(),
        did == null ? nan : did.ciHigh(),
        did == null ? nan : did.preTrendP(),
        did == null ? null : did.note(),
        cf == null ? nan : cf.predictedMean(),
        cf == null ? nan : cf.averageEffect(),
        cf == null ? nan : cf.cumulativeEffect(),
        cf == null ? nan : cf.relativeEffect(),
        cf == null ? nan : cf.ciLow(),
        cf == null ? nan : cf.ciHigh(),
        cf == null ? nan : cf.pValue(),
        cf == null ? null : cf.note(),
        a == null ? null : a.model(),
        a == null ? null : a.nPre(),
        a == null ? null : a.nPost(),
        a == null ? nan : a.estimate(),
        a == null ? nan : a.stdError(),
        a == null ? nan : a.df(),
        a == null ? nan : a.pValue(),
        a == null ? nan : a.ciLow(),
        a == null ? nan : a.ciHigh(),
        a == null ? nan : a.relEffect(),
        a == null ? nan : a.relCiLow(),
        a == null ? nan : a.relCiHigh(),
        a == null ? nan : a.placeboPValue(),
        a == null ? nan : a.placeboInflation(),
        a == null ? null : a.placebos(),
        a == null ? null : a.hacLags(),
        a == null ? null : a.note());
  }
}
