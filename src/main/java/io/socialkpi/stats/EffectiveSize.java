package io.socialkpi.stats;

/**
 * The effective number of independent pairs behind a correlation of two autocorrelated series
 * (Pyper and Peterman 1998, after Bartlett 1935 and Quenouille 1952):
 *
 * <pre>
 * 1/N* = 1/N + (2/N) * sum_{j=1}^{floor(N/5)} ((N-j)/N) * rx(j) * ry(j)
 * </pre>
 *
 * where {@code r(j)} is the sample autocorrelation at lag j, {@code sum_t (v_t - mean)(v_{t+j} -
 * mean) / sum_t (v_t - mean)^2} (statsmodels {@code acf(v, adjusted=False)}), over the series in
 * the order given. N* is clamped to {@code [2, N]}: series whose autocorrelations cancel never
 * count as more than N pairs. Two series that both trend or wander (random walks) have large
 * same-signed autocorrelations and so an N* far below N; white noise keeps N* close to N.
 */
final class EffectiveSize {
  private EffectiveSize() {}

  /** N* of the pairs (x[t], y[t]); both series must have the same length and some variation. */
  static double of(double[] x, double[] y) {
    int n = x.length;
    if (y.length != n) {
      throw new IllegalArgumentException("series of different lengths: " + n + " and " + y.length);
    }
    double sum = 0;
    for (int j = 1; j <= n / 5; j++) {
      sum += (n - j) / (double) n * acf(x, j) * acf(y, j);
    }
    double inverse = 1.0 / n + 2.0 / n * sum;
    if (!(inverse > 1.0 / n)) {
      return n;
    }
    return Math.max(2.0, Math.min(n, 1 / inverse));
  }

  /** The sample autocorrelation at {@code lag} (statsmodels {@code acf(adjusted=False)}). */
  static double acf(double[] v, int lag) {
    double mean = BeforeAfter.mean(v);
    double denominator = 0;
    for (double d : v) {
      denominator += (d - mean) * (d - mean);
    }
    double numerator = 0;
    for (int t = 0; t + lag < v.length; t++) {
      numerator += (v[t] - mean) * (v[t + lag] - mean);
    }
    return numerator / denominator;
  }
}
