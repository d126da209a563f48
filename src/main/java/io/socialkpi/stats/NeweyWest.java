package io.socialkpi.stats;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * Newey–West (1987) heteroscedasticity- and autocorrelation-consistent variance of a linear
 * combination of OLS coefficients, from the covariance {@code (X'X)^-1 S (X'X)^-1 * n/(n-p)} with
 * {@code S = sum_t e_t^2 x_t x_t' + sum_{l=1..L} w_l sum_t e_t e_{t-l} (x_t x_{t-l}' + x_{t-l}
 * x_t')} and Bartlett weights {@code w_l = 1 - l/(L+1)}. The {@code n/(n-p)} factor is statsmodels'
 * small-sample correction ({@code OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L,
 * "use_correction": True})}; its default leaves it out, which makes the interval narrower by about
 * {@code sqrt(n/(n-p))}).
 *
 * <p>Lag rule: the larger of Newey and West's (1994) rule of thumb {@code floor(4 (n/100)^(2/9))}
 * (4 lags for two years of weekly windows, 6 for two years of daily ones) and Andrews' (1991) AR(1)
 * plug-in bandwidth for the Bartlett kernel, {@code floor(1.1447 (alpha n)^(1/3))} with {@code
 * alpha = 4 rho^2 / ((1 - rho)^2 (1 + rho)^2)} and rho the residuals' lag-1 autocorrelation (capped
 * at 0.97), never more than n/3. The rule of thumb alone ignores how persistent the series is: with
 * daily AR(1) noise of rho = 0.97 it keeps 6 lags where about 100 are needed, and intervals cover
 * half as often as they say.
 */
public final class NeweyWest {
  private NeweyWest() {}

  /** Newey and West's (1994) rule of thumb for the number of lags. */
  public static int lags(int n) {
    return Math.max(1, (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0)));
  }

  /** The lag count for these residuals (in time order), by the rule above. */
  public static int lags(double[] residuals) {
    int n = residuals.length;
    double num = 0;
    double den = 0;
    for (int t = 0; t < n; t++) {
      den += residuals[t] * residuals[t];
      if (t > 0) {
        num += residuals[t] * residuals[t - 1];
      }
    }
    double rho = den > 0 ? Math.max(-0.97, Math.min(0.97, num / den)) : 0;
    double alpha = 4 * rho * rho / ((1 - rho) * (1 - rho) * (1 + rho) * (1 + rho));
    int andrews = (int) Math.floor(1.1447 * Math.cbrt(alpha * n));
    return Math.max(1, Math.min(Math.max(lags(n), andrews), n / 3));
  }

  /**
   * The HAC variance of {@code c' beta}: with {@code u_t = (c' (X'X)^-1 x_t) e_t}, {@code n/(n-p)
   * (sum_t u_t^2 + 2 sum_{l=1..L} w_l sum_t u_t u_{t-l})}, which equals {@code c' V c} for the full
   * covariance {@code V} above at O(n (p + L)) instead of O(n L p^2).
   */
  static double variance(double[] c, double[][] x, double[] e, RealMatrix xtxInverse, int lags) {
    int n = x.length;
    int p = c.length;
    double[] a = xtxInverse.preMultiply(c);
    double[] u = new double[n];
    for (int t = 0; t < n; t++) {
      double v = 0;
      for (int j = 0; j < p; j++) {
        v += a[j] * x[t][j];
      }
      u[t] = v * e[t];
    }
    double s = 0;
    for (int t = 0; t < n; t++) {
      s += u[t] * u[t];
    }
    for (int l = 1; l <= Math.min(lags, n - 1); l++) {
      double w = 1 - l / (lags + 1.0);
      double sum = 0;
      for (int t = l; t < n; t++) {
        sum += u[t] * u[t - l];
      }
      s += 2 * w * sum;
    }
    return s * n / (n - p);
  }
}
