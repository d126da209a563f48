package io.socialkpi.stats;

import java.util.Arrays;

/** Pairwise removal of missing values (NaN): the pairs where both x and y are present. */
final class Pairs {
  final double[] x;
  final double[] y;

  private Pairs(double[] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  static Pairs complete(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series of different lengths: " + x.length + " and " + y.length);
    }
    double[] a = new double[x.length];
    double[] b = new double[y.length];
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        a[n] = x[i];
        b[n] = y[i];
        n++;
      }
    }
    return new Pairs(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
  }

  int size() {
    return x.length;
  }

  /** Why no coefficient can be computed, or null when one can. */
  String degenerate(int inputLength) {
    if (size() == 0) {
      return inputLength == 0 ? "no values" : "no pairs with both values";
    }
    if (size() < 3) {
      return "fewer than 3 pairs";
    }
    if (constant(x) || constant(y)) {
      return "constant series";
    }
    return null;
  }

  /** Relative spread below which a series counts as constant: rounding, not variation. */
  static final double CONSTANT_TOLERANCE = 1e-12;

  /**
   * Whether the values are equal up to rounding: {@code max - min <= 1e-12 max|v|}, so {0.6,
   * 0.6000000000000001, 0.6} is as constant as {0.6, 0.6, 0.6}. True for no values.
   */
  static boolean constant(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double largest = 0;
    for (double d : v) {
      min = Math.min(min, d);
      max = Math.max(max, d);
      largest = Math.max(largest, Math.abs(d));
    }
    return v.length == 0 || max - min <= CONSTANT_TOLERANCE * largest;
  }

  /** Values without NaN. */
  static double[] present(double[] v) {
    return Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
  }
}
