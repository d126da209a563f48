package io.socialkpi.stats;

import java.util.Arrays;

/**
 * Values equal to 12 significant digits, made exactly equal before rank statistics see them. A
 * window's sum or mean of the same numbers differs in its last bits when they are added in another
 * order (another partitioning, another engine), and a rank statistic would otherwise count two such
 * windows as a strict order rather than the tie they are: Kendall's and Spearman's coefficients,
 * and their p-values, then depend on where the job ran.
 */
public final class NumericTies {
  /** Relative difference within which two values are one value. */
  static final double RELATIVE = 1e-12;

  private NumericTies() {}

  /**
   * A copy of {@code v} in which each run of values within {@link #RELATIVE} of the run's smallest
   * value takes that smallest value. NaN stays NaN.
   */
  public static double[] snapped(double[] v) {
    double[] out = v.clone();
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double start = Double.NaN;
    for (int k = 0; k < order.length; k++) {
      double x = v[order[k]];
      if (Double.isNaN(x)) {
        continue;
      }
      // Infinities are never snapped: inf - x <= 1e-12 * inf would tie them with everything.
      if (Double.isFinite(start)
          && Double.isFinite(x)
          && x - start <= RELATIVE * Math.max(Math.abs(start), Math.abs(x))) {
        out[order[k]] = start;
      } else {
        start = x;
      }
    }
    return out;
  }
}
