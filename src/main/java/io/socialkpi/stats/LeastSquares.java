package io.socialkpi.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Ordinary least squares with the classical covariance of the coefficients, {@code s^2 (X'X)^-1}:
 * the shared core of the difference-in-differences and counterfactual estimates.
 */
final class LeastSquares {
  final double[] beta;
  final RealMatrix covariance;
  final double residualVariance;
  final int n;
  final int p;

  private LeastSquares(
      double[] beta, RealMatrix covariance, double residualVariance, int n, int p) {
    this.beta = beta;
    this.covariance = covariance;
    this.residualVariance = residualVariance;
    this.n = n;
    this.p = p;
  }

  /** Fits y on the columns of x (include a column of ones for an intercept); null if singular. */
  static LeastSquares fit(double[][] x, double[] y) {
    int n = y.length;
    int p = x[0].length;
    if (n <= p) {
      return null;
    }
    RealMatrix design = new Array2DRowRealMatrix(x, false);
    RealMatrix xtx = design.transpose().multiply(design);
    RealMatrix inverse;
    try {
      inverse = new LUDecomposition(xtx, 1e-12).getSolver().getInverse();
    } catch (SingularMatrixException e) {
      return null;
    }
    double[] beta = inverse.operate(design.transpose().operate(y));
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double fitted = 0;
      for (int j = 0; j < p; j++) {
        fitted += x[i][j] * beta[j];
      }
      rss += (y[i] - fitted) * (y[i] - fitted);
    }
    double s2 = rss / (n - p);
    return new LeastSquares(beta, inverse.scalarMultiply(s2), s2, n, p);
  }

  double predict(double[] row) {
    double v = 0;
    for (int j = 0; j < p; j++) {
      v += row[j] * beta[j];
    }
    return v;
  }

  /** Variance of {@code c' beta}. */
  double variance(double[] c) {
    return new Array2DRowRealMatrix(c).transpose().multiply(covariance).operate(c)[0];
  }

  int df() {
    return n - p;
  }
}
