package io.socialkpi.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A counterfactual in the spirit of CausalImpact, but frequentist and deterministic: regress the
 * outcome on {@code [1, control, t]} (the control only when given; t is the window index, a linear
 * trend) plus day-of-week dummies for daily data, by least squares over the pre-period; predict the
 * post-period; the effect is actual minus predicted.
 *
 * <p>The interval of the average effect combines the uncertainty of the fitted line at the mean
 * post-period design row, {@code xbar' Var(beta) xbar}, and the noise of the actual mean, {@code
 * s^2 / n_post}, with a t quantile on {@code n_pre - p} df; the p-value is two-sided from the same
 * t. It assumes the pre-period relation (and trend) would have held after the launch, that the
 * control is untouched by the tactic, and independent errors; autocorrelated series make the
 * interval too narrow (docs/STATISTICS.md).
 */
public final class Counterfactual {
  private Counterfactual() {}

  /**
   * The effect of a launch: the post-period as it is minus as the pre-period fit predicts it.
   *
   * @param pre outcome before the launch; {@code post} after; NaN windows are skipped
   * @param preControl the control series aligned with {@code pre}, or null for trend only
   * @param preDayOfWeek 1..7 per window for daily data, or null
   */
  public static CounterfactualResult estimate(
      double[] pre,
      double[] preControl,
      int[] preDayOfWeek,
      double[] post,
      double[] postControl,
      int[] postDayOfWeek,
      double confidence) {
    return estimate(
        pre, preControl, preDayOfWeek, post, postControl, postDayOfWeek, pre.length, confidence);
  }

  /**
   * As above, with the trend index of the first post window given: {@code postOffset} windows after
   * the first pre window (larger than {@code pre.length} when ramp-up windows are left out).
   */
  public static CounterfactualResult estimate(
      double[] pre,
      double[] preControl,
      int[] preDayOfWeek,
      double[] post,
      double[] postControl,
      int[] postDayOfWeek,
      int postOffset,
      double confidence) {
    boolean control = preControl != null && postControl != null;
    boolean weekdays = preDayOfWeek != null && postDayOfWeek != null;
    List<double[]> xPre = new ArrayList<>();
    List<Double> yPre = new ArrayList<>();
    usable(pre, preControl, preDayOfWeek, 0, control, weekdays, xPre, yPre);
    List<double[]> xPost = new ArrayList<>();
    List<Double> yPost = new ArrayList<>();
    usable(post, postControl, postDayOfWeek, postOffset, control, weekdays, xPost, yPost);
    int nPre = yPre.size();
    int nPost = yPost.size();
    if (nPost == 0) {
      return CounterfactualResult.missing(nPre, nPost, "no windows after the launch");
    }
    int p = xPre.isEmpty() ? 0 : xPre.get(0).length;
    if (nPre < p + 2) {
      return CounterfactualResult.missing(nPre, nPost, "too few windows before the launch to fit");
    }
    LeastSquares fit =
        LeastSquares.fit(
            xPre.toArray(new double[0][]),
            yPre.stream().mapToDouble(Double::doubleValue).toArray());
    if (fit == null) {
      return CounterfactualResult.missing(nPre, nPost, "the pre-period fit is degenerate");
    }
    double actual = 0;
    double predicted = 0;
    double[] meanRow = new double[p];
    for (int i = 0; i < nPost; i++) {
      actual += yPost.get(i);
      predicted += fit.predict(xPost.get(i));
      for (int j = 0; j < p; j++) {
        meanRow[j] += xPost.get(i)[j] / nPost;
      }
    }
    actual /= nPost;
    predicted /= nPost;
    double effect = actual - predicted;
    double se = Math.sqrt(fit.variance(meanRow) + fit.residualVariance / nPost);
    TDistribution t = new TDistribution(null, fit.df(), 1e-14);
    double crit = t.inverseCumulativeProbability((1 + confidence) / 2);
    double pValue = se > 0 ? 2 * t.cumulativeProbability(-Math.abs(effect / se)) : Double.NaN;
    return new CounterfactualResult(
        nPre,
        nPost,
        actual,
        predicted,
        effect,
        effect * nPost,
        predicted == 0 ? Double.NaN : effect / predicted,
        effect - crit * se,
        effect + crit * se,
        pValue,
        null);
  }

  /**
   * Adds to {@code x} and {@code ys} the design row and outcome of each window with a value and a
   * full row; the first window's trend index is {@code firstT}.
   */
  private static void usable(
      double[] y,
      double[] controls,
      int[] dayOfWeek,
      int firstT,
      boolean withControl,
      boolean weekdays,
      List<double[]> x,
      List<Double> ys) {
    for (int i = 0; i < y.length; i++) {
      double[] row =
          row(
              firstT + i,
              withControl ? controls[i] : 0,
              weekdays ? dayOfWeek[i] : 0,
              withControl,
              weekdays);
      if (!Double.isNaN(y[i]) && !anyNaN(row)) {
        x.add(row);
        ys.add(y[i]);
      }
    }
  }

  /** [1, control?, t, weekday dummies (Tuesday..Sunday; Monday is the baseline)?]. */
  private static double[] row(
      int t, double control, int dayOfWeek, boolean withControl, boolean weekdays) {
    int p = 2 + (withControl ? 1 : 0) + (weekdays ? 6 : 0);
    double[] r = new double[p];
    int k = 0;
    r[k++] = 1;
    if (withControl) {
      r[k++] = control;
    }
    r[k++] = t;
    if (weekdays) {
      for (int d = 2; d <= 7; d++) {
        r[k++] = dayOfWeek == d ? 1 : 0;
      }
    }
    return r;
  }

  private static boolean anyNaN(double[] row) {
    for (double v : row) {
      if (Double.isNaN(v)) {
        return true;
      }
    }
    return false;
  }
}
