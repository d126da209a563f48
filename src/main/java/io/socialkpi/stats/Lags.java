package io.socialkpi.stats;

import java.util.Arrays;

/**
 * Lag alignment and differencing. Lag k pairs the lead indicator at window t with the outcome at t
 * + k, as pandas {@code outcome.corr(lead.shift(k))}: the lead runs k windows ahead.
 */
public final class Lags {
  private Lags() {}

  /** {x, y} with x[t] = lead[t] and y[t] = outcome[t + lag], over the overlap; NaNs are kept. */
  public static double[][] align(double[] lead, double[] outcome, int lag) {
    if (lag < 0) {
      throw new IllegalArgumentException("lag must be 0 or more, was " + lag);
    }
    int n = Math.max(0, Math.min(lead.length, outcome.length - lag));
    return new double[][] {
      Arrays.copyOfRange(lead, 0, n),
      Arrays.copyOfRange(outcome, Math.min(lag, outcome.length), Math.min(lag, outcome.length) + n)
    };
  }

  /** First differences d[t] = x[t+1] - x[t]; NaN where either is missing. */
  public static double[] diff(double[] x) {
    if (x.length < 2) {
      return new double[0];
    }
    double[] d = new double[x.length - 1];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i + 1] - x[i];
    }
    return d;
  }
}
