package io.socialkpi.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Kendall's tau-b and its tie-corrected normal statistic, counted over all pairs. O(n^2), which is
 * fine for the series of windows this job correlates (a few hundred points each).
 *
 * @param n pairs
 * @param concordantMinusDiscordant concordant minus discordant pairs (tied pairs count in neither)
 * @param ties whether either series has tied values
 */
record KendallTau(double tau, double z, int n, double concordantMinusDiscordant, boolean ties) {

  /** The largest n for which the exact p-value is always used (SciPy's {@code method='auto'}). */
  static final int MAX_EXACT_N = 33;

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
        Math.max(-1, Math.min(1, tau)),
        concordantMinusDiscordant / Math.sqrt(variance),
        n,
        concordantMinusDiscordant,
        tx.pairs > 0 || ty.pairs > 0);
  }

  /**
   * Whether the exact p-value applies, as SciPy's {@code kendalltau(method='auto')}: no ties, and n
   * at most 33 or at most one discordant (or concordant) pair.
   */
  boolean exactApplies() {
    if (ties) {
      return false;
    }
    long total = (long) n * (n - 1) / 2;
    long concordant = concordant();
    return n <= MAX_EXACT_N || Math.min(concordant, total - concordant) <= 1;
  }

  private long concordant() {
    long total = (long) n * (n - 1) / 2;
    return Math.round((total + concordantMinusDiscordant) / 2);
  }

  /**
   * The exact two-sided p-value without ties: {@code 2 P(C <= c)} (at most 1) for c the smaller of
   * the concordant and discordant counts, under the null distribution of the number of inversions
   * of a random permutation of n (Kendall 1970). That distribution is built by inserting the
   * elements one by one: the j-th adds 0..j-1 inversions with equal probability.
   */
  double exactP() {
    long total = (long) n * (n - 1) / 2;
    long concordant = concordant();
    int c = (int) Math.min(concordant, total - concordant);
    if (4L * c == (long) n * (n - 1)) {
      return 1.0;
    }
    double[] p = new double[c + 1];
    p[0] = 1;
    double[] next = new double[c + 1];
    for (int j = 2; j <= n; j++) {
      // next[k] = (p[k] + p[k-1] + ... + p[k-j+1]) / j, by a running window sum.
      double window = 0;
      for (int k = 0; k <= c; k++) {
        window += p[k];
        if (k - j >= 0) {
          window -= p[k - j];
        }
        next[k] = window / j;
      }
      double[] swap = p;
      p = next;
      next = swap;
    }
    double tail = 0;
    for (double v : p) {
      tail += v;
    }
    return Math.min(1.0, 2 * tail);
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
