package io.socialkpi.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Corrections for running many tests at once. */
public final class MultipleTesting {
  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg q-values, as R's {@code p.adjust(p, "BH")}: {@code min over j >= i of p(j) m
   * / j}, capped at 1. NaN p-values stay NaN and do not count in m.
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    Integer[] order =
        java.util.stream.IntStream.range(0, pValues.length)
            .filter(i -> !Double.isNaN(pValues[i]))
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] q = new double[pValues.length];
    Arrays.fill(q, Double.NaN);
    int m = order.length;
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      q[i] = running;
    }
    return q;
  }
}
