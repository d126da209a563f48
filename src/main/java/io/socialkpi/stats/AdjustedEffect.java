package io.socialkpi.stats;

import java.io.Serializable;

/**
 * A tactic's effect on the outcome beyond what the level, the trend before the launch, the
 * seasonality and the control explain: the step at the launch in a segmented regression ({@link
 * SegmentedRegression}), with a Newey–West standard error and a placebo check. NaN when not
 * available; {@code note} then says why.
 *
 * @param nPre windows before the first launch used in the fit; {@code nPost} windows from this
 *     tactic's launch (after its ramp-up) to the next launch or the end
 * @param estimate the step at the launch, in outcome units per window
 * @param df residual degrees of freedom of the t quantile and p-value
 * @param pValue two-sided, from the HAC t statistic
 * @param ciLow the interval at the run's confidence of the decisive test: {@code estimate -+ t_crit
 *     * stdError * placeboInflation} (the HAC interval when there are too few placebos)
 * @param relEffect the step over the absolute level the model predicts for the after period without
 *     this tactic, with a delta-method interval ({@code relCiLow}, {@code relCiHigh})
 * @param placeboPValue share of placebo launches in the clean history before the first launch whose
 *     |t| is at least this one's, counting this one: {@code (1 + #{|t_placebo| >= |t|}) / (1 +
 *     placebos)}
 * @param placebos how many placebo launches were fitted (0 when the effect is missing)
 * @param model the terms of the regression, e.g. {@code
 *     outcome-minus-control:level+trend+weekday+step}
 */
public record AdjustedEffect(
    int nPre,
    int nPost,
    double estimate,
    double stdError,
    double df,
    double pValue,
    double ciLow,
    double ciHigh,
    double relEffect,
    double relCiLow,
    double relCiHigh,
    double placeboPValue,
    double placeboInflation,
    int placebos,
    int hacLags,
    String model,
    String note)
    implements Serializable {

  static AdjustedEffect missing(int nPre, int nPost, String model, String note) {
    double nan = Double.NaN;
    return new AdjustedEffect(
        nPre, nPost, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 0, 0, model, note);
  }

  /** The p-value a verdict may rely on: the larger of the analytic and the placebo one. */
  public double decisiveP() {
    return decisiveP(pValue, placeboPValue);
  }

  /** The larger of an analytic and a placebo p-value, NaN unless both exist. */
  public static double decisiveP(double pValue, double placeboPValue) {
    if (Double.isNaN(pValue) || Double.isNaN(placeboPValue)) {
      return Double.NaN;
    }
    return Math.max(pValue, placeboPValue);
  }
}
