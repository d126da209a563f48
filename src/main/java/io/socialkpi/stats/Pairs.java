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

  static boolean constant(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return false;
      }
    }
    return true;
  }

  /** Values without NaN. */
  static double[] present(double[] v) {
    return Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
  }
}
