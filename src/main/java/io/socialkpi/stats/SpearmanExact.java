package io.socialkpi.stats;

/**
 * The exact two-sided permutation p-value of Spearman's rho for small samples: the share of all n!
 * pairings of the ranks of y with the ranks of x whose |rho| is at least the observed |rho| (less
 * 1e-12 for rounding), the observed pairing included (SciPy {@code permutation_test(...,
 * permutation_type='pairings', n_resamples=inf)}). Ties keep their average ranks.
 */
final class SpearmanExact {
  /** The largest n enumerated: 9! = 362,880 pairings. */
  static final int MAX_N = 9;

  private static final double TOLERANCE = 1e-12;

  private SpearmanExact() {}

  /** The exact p for ranks rx, ry (no more than {@link #MAX_N} of them, not constant). */
  static double pValue(double[] rx, double[] ry) {
    int n = rx.length;
    if (n > MAX_N) {
      throw new IllegalArgumentException("exact Spearman p for at most " + MAX_N + " pairs");
    }
    double mx = BeforeAfter.mean(rx);
    double my = BeforeAfter.mean(ry);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (rx[i] - mx) * (rx[i] - mx);
      syy += (ry[i] - my) * (ry[i] - my);
      sxy += (rx[i] - mx) * (ry[i] - my);
    }
    double scale = Math.sqrt(sxx * syy);
    // rho of a pairing is (sum rx[i] ry[perm[i]] - n mx my) / scale.
    double threshold = Math.abs(sxy / scale) - TOLERANCE;
    double shift = n * mx * my;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long atLeast = 0;
    long total = 0;
    // Heap's algorithm, iterative: visits every permutation once.
    int[] c = new int[n];
    int i = 0;
    while (true) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += rx[k] * ry[perm[k]];
      }
      total++;
      if (Math.abs((s - shift) / scale) >= threshold) {
        atLeast++;
      }
      while (i < n && c[i] >= i) {
        c[i] = 0;
        i++;
      }
      if (i >= n) {
        break;
      }
      int swapWith = i % 2 == 0 ? 0 : c[i];
      int t = perm[swapWith];
      perm[swapWith] = perm[i];
      perm[i] = t;
      c[i]++;
      i = 0;
    }
    return (double) atLeast / total;
  }
}
