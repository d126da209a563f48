package io.socialkpi.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Difference-in-differences of a treated series against a control series around a launch: OLS of
 * the stacked windows on {@code [1, post, treated, post x treated]}; the estimate is the
 * interaction coefficient, {@code (T_after - T_before) - (C_after - C_before)}, with the classical
 * OLS standard error (equal residual variance across the four cells) and a t test with n - 4 df, as
 * R's {@code lm(y ~ post * treated)}. Assumes parallel trends: without the tactic both series would
 * have moved alike. Missing windows (NaN) are dropped.
 */
public final class DiffInDiff {
  private DiffInDiff() {}

  public static DiffInDiffResult estimate(
      double[] treatedBefore,
      double[] treatedAfter,
      double[] controlBefore,
      double[] controlAfter,
      double confidence) {
    double[][] cells = {
      Pairs.present(treatedBefore),
      Pairs.present(treatedAfter),
      Pairs.present(controlBefore),
      Pairs.present(controlAfter)
    };
    int n = 0;
    for (double[] c : cells) {
      if (c.length == 0) {
        return DiffInDiffResult.missing(
            n, "a period without values for the outcome or the control");
      }
      n += c.length;
    }
    if (n <= 4) {
      return DiffInDiffResult.missing(n, "too few windows for a difference-in-differences");
    }
    double[][] x = new double[n][];
    double[] y = new double[n];
    int i = 0;
    for (int cell = 0; cell < 4; cell++) {
      double post = cell == 1 || cell == 3 ? 1 : 0;
      double treated = cell < 2 ? 1 : 0;
      for (double v : cells[cell]) {
        x[i] = new double[] {1, post, treated, post * treated};
        y[i++] = v;
      }
    }
    LeastSquares fit = LeastSquares.fit(x, y);
    if (fit == null) {
      return DiffInDiffResult.missing(n, "degenerate design");
    }
    double estimate = fit.beta[3];
    double se = Math.sqrt(fit.covariance.getEntry(3, 3));
    if (!(se > 0)) {
      return new DiffInDiffResult(
          estimate,
          se,
          Double.NaN,
          fit.df(),
          Double.NaN,
          estimate,
          estimate,
          n,
          preTrend(treatedBefore, controlBefore),
          "no variation within the periods");
    }
    TDistribution t = new TDistribution(null, fit.df(), 1e-14);
    double stat = estimate / se;
    double crit = t.inverseCumulativeProbability((1 + confidence) / 2);
    return new DiffInDiffResult(
        estimate,
        se,
        stat,
        fit.df(),
        2 * t.cumulativeProbability(-Math.abs(stat)),
        estimate - crit * se,
        estimate + crit * se,
        n,
        preTrend(treatedBefore, controlBefore),
        null);
  }

  /** Windows of the before period needed to test its trend difference. */
  static final int MIN_PRE_TREND_WINDOWS = 6;

  /**
   * p-value of the slope of {@code treated - control} over the before windows (index = window),
   * Newey–West standard error with the usual lag rule and t on n - 2 df; NaN with too few windows.
   */
  static double preTrend(double[] treated, double[] control) {
    java.util.List<double[]> x = new java.util.ArrayList<>();
    java.util.List<Double> y = new java.util.ArrayList<>();
    for (int i = 0; i < Math.min(treated.length, control.length); i++) {
      if (!Double.isNaN(treated[i]) && !Double.isNaN(control[i])) {
        x.add(new double[] {1, i});
        y.add(treated[i] - control[i]);
      }
    }
    if (y.size() < MIN_PRE_TREND_WINDOWS) {
      return Double.NaN;
    }
    LeastSquares fit =
        LeastSquares.fit(
            x.toArray(new double[0][]), y.stream().mapToDouble(Double::doubleValue).toArray());
    if (fit == null) {
      return Double.NaN;
    }
    double se = Math.sqrt(fit.hacVariance(fit.unit(1), fit.hacLags()));
    if (!(se > 0)) {
      return fit.beta[1] == 0 ? 1.0 : 0.0;
    }
    return 2
        * new TDistribution(null, fit.df(), 1e-14)
            .cumulativeProbability(-Math.abs(fit.beta[1] / se));
  }
}
