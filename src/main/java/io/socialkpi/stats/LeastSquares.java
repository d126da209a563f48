package io.socialkpi.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Ordinary least squares by QR decomposition of the design (never the normal equations, which
 * square the condition number: a large, slowly growing control next to a trend loses digits), with
 * the classical covariance of the coefficients, {@code s^2 (X'X)^-1}, and on request the
 * heteroscedasticity- and autocorrelation-consistent one ({@link NeweyWest}). The shared core of
 * the difference-in-differences, counterfactual and segmented-regression estimates.
 */
final class LeastSquares {
  final double[] beta;
  final RealMatrix covariance;
  final double residualVariance;
  final int n;
  final int p;
  private final double[][] x;
  private final double[] residuals;
  private final RealMatrix xtxInverse;

  private LeastSquares(double[][] x, double[] beta, double[] residuals, RealMatrix xtxInverse) {
    this.x = x;
    this.beta = beta;
    this.residuals = residuals;
    this.xtxInverse = xtxInverse;
    this.n = x.length;
    this.p = beta.length;
    double rss = 0;
    for (double e : residuals) {
      rss += e * e;
    }
    this.residualVariance = rss / (n - p);
    this.covariance = xtxInverse.scalarMultiply(residualVariance);
  }

  /** Fits y on the columns of x (include a column of ones for an intercept); null if singular. */
  static LeastSquares fit(double[][] x, double[] y) {
    int n = y.length;
    if (n == 0 || n <= x[0].length) {
      return null;
    }
    int p = x[0].length;
    // Columns scaled to unit length first: QR's rank test is relative to the largest column.
    double[] scale = new double[p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        scale[j] += row[j] * row[j];
      }
    }
    double[][] scaled = new double[n][p];
    for (int j = 0; j < p; j++) {
      scale[j] = Math.sqrt(scale[j]);
      if (scale[j] == 0) {
        return null;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        scaled[i][j] = x[i][j] / scale[j];
      }
    }
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(scaled, false), 1e-10);
    DecompositionSolver solver = qr.getSolver();
    if (!solver.isNonSingular()) {
      return null;
    }
    double[] b;
    RealMatrix rInverse;
    try {
      b = solver.solve(new ArrayRealVector(y, false)).toArray();
      RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
      rInverse = new LUDecomposition(r).getSolver().getInverse();
    } catch (SingularMatrixException e) {
      return null;
    }
    // (X'X)^-1 of the scaled design is R^-1 R^-T; undo the scaling on both sides.
    RealMatrix inverse = rInverse.multiply(rInverse.transpose());
    double[] beta = new double[p];
    for (int j = 0; j < p; j++) {
      beta[j] = b[j] / scale[j];
      for (int k = 0; k < p; k++) {
        inverse.setEntry(j, k, inverse.getEntry(j, k) / (scale[j] * scale[k]));
      }
    }
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      double fitted = 0;
      for (int j = 0; j < p; j++) {
        fitted += x[i][j] * beta[j];
      }
      residuals[i] = y[i] - fitted;
    }
    return new LeastSquares(x, beta, residuals, inverse);
  }

  double predict(double[] row) {
    double v = 0;
    for (int j = 0; j < p; j++) {
      v += row[j] * beta[j];
    }
    return v;
  }

  /** Variance of {@code c' beta} under the classical covariance. */
  double variance(double[] c) {
    return quadratic(covariance, c);
  }

  /** The Newey–West variance of {@code c' beta} with {@code lags} lags (rows in time order). */
  double hacVariance(double[] c, int lags) {
    return NeweyWest.variance(c, x, residuals, xtxInverse, lags);
  }

  /** The unit vector of coefficient {@code j}. */
  double[] unit(int j) {
    double[] c = new double[p];
    c[j] = 1;
    return c;
  }

  /** The Newey–West lag count for this fit's residuals ({@link NeweyWest#lags(double[])}). */
  int hacLags() {
    return NeweyWest.lags(residuals);
  }

  private static double quadratic(RealMatrix m, double[] c) {
    double v = 0;
    for (int j = 0; j < c.length; j++) {
      for (int k = 0; k < c.length; k++) {
        v += c[j] * m.getEntry(j, k) * c[k];
      }
    }
    return v;
  }

  int df() {
    return n - p;
  }
}
