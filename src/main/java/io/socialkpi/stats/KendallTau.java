package io.socialkpi.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Kendall's tau-b and its tie-corrected normal statistic, counted over all pairs. O(n^2), which is
 * fine for the series of windows this job correlates (a few hundred points each).
 */
record KendallTau(double tau, double z) {

  static KendallTau of(double[] x, double[] y) {
    int n = x.length;
    double concordantMinusDiscordant = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        concordantMinusDiscordant += Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
      }
    }
    Ties tx = Ties.of(x);
    Ties ty = Ties.of(y);
    double total = n * (n - 1) / 2.0;
    double tau =
        concordantMinusDiscordant / Math.sqrt(total - tx.pairs) / Math.sqrt(total - ty.pairs);
    double m = n * (n - 1.0);
    double variance =
        (m * (2 * n + 5) - tx.v1 - ty.v1) / 18
            + (2 * tx.pairs * ty.pairs) / m
            + tx.v2 * ty.v2 / (9 * m * (n - 2));
    return new KendallTau(
        Math.max(-1, Math.min(1, tau)), concordantMinusDiscordant / Math.sqrt(variance));
  }

  /** Sums over groups of tied values of size t: t(t-1)/2, t(t-1)(2t+5) and t(t-1)(t-2). */
  private record Ties(double pairs, double v1, double v2) {
    static Ties of(double[] v) {
      Map<Double, Integer> counts = new HashMap<>();
      for (double d : v) {
        counts.merge(d, 1, Integer::sum);
      }
      double pairs = 0;
      double v1 = 0;
      double v2 = 0;
      for (int c : counts.values()) {
        if (c > 1) {
          double t = c;
          pairs += t * (t - 1) / 2;
          v1 += t * (t - 1) * (2 * t + 5);
          v2 += t * (t - 1) * (t - 2);
        }
      }
      return new Ties(pairs, v1, v2);
    }
  }
}
