package io.socialkpi.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows a segmented regression is fitted on and the rows of its design: {@code [1, trend,
 * control?, weekday dummies (Tuesday..Sunday)?, steps...]}. Windows with a missing outcome or
 * control, and windows inside a launch's ramp-up, are not rows.
 */
final class Design {
  private final double[] y;
  private final double[] control;
  private final int[] dayOfWeek;
  private final int origin;
  private final int[] rows;

  Design(double[] y, double[] control, int[] dayOfWeek, int from, int to, int[] cuts, int rampUp) {
    this.y = y;
    this.control = control;
    this.dayOfWeek = dayOfWeek;
    this.origin = cuts.length == 0 ? from : cuts[0];
    List<Integer> used = new ArrayList<>();
    for (int i = Math.max(0, from); i < Math.min(to, y.length); i++) {
      if (Double.isNaN(y[i]) || control != null && Double.isNaN(control[i])) {
        continue;
      }
      boolean rampingUp = false;
      for (int c : cuts) {
        rampingUp |= i >= c && i < c + rampUp;
      }
      if (!rampingUp) {
        used.add(i);
      }
    }
    this.rows = used.stream().mapToInt(Integer::intValue).toArray();
  }

  int baseTerms() {
    return 2 + (control != null ? 1 : 0) + (dayOfWeek != null ? 6 : 0);
  }

  String model(int tactics) {
    return "level+trend"
        + (control != null ? "+control" : "")
        + (dayOfWeek != null ? "+weekday" : "")
        + (tactics > 1 ? "+steps" : "+step");
  }

  int rowsBefore(int cut) {
    return rowsBetween(Integer.MIN_VALUE, cut);
  }

  int rowsAtOrAfter(int cut) {
    return rowsBetween(cut, Integer.MAX_VALUE);
  }

  int rowsBetween(int from, int to) {
    int n = 0;
    for (int i : rows) {
      n += i >= from && i < to ? 1 : 0;
    }
    return n;
  }

  private double[] row(int i, List<Integer> steps) {
    double[] r = new double[baseTerms() + steps.size()];
    int k = 0;
    r[k++] = 1;
    r[k++] = i - origin;
    if (control != null) {
      r[k++] = control[i];
    }
    if (dayOfWeek != null) {
      for (int d = 2; d <= 7; d++) {
        r[k++] = dayOfWeek[i] == d ? 1 : 0;
      }
    }
    for (int s : steps) {
      r[k++] = i >= s ? 1 : 0;
    }
    return r;
  }

  /** Least squares over all rows with a step at each of {@code steps} (window indices). */
  LeastSquares fit(List<Integer> steps) {
    return fitFirst(rows.length, steps);
  }

  private LeastSquares fitFirst(int count, List<Integer> steps) {
    double[][] x = new double[count][];
    double[] v = new double[count];
    for (int r = 0; r < count; r++) {
      x[r] = row(rows[r], steps);
      v[r] = y[rows[r]];
    }
    return LeastSquares.fit(x, v);
  }

  /** Mean design row over the rows in windows [from, to) with the same steps as the fit. */
  double[] meanRow(int from, int to, List<Integer> steps) {
    double[] mean = new double[baseTerms() + steps.size()];
    int n = rowsBetween(from, to);
    for (int i : rows) {
      if (i >= from && i < to) {
        double[] r = row(i, steps);
        for (int j = 0; j < mean.length; j++) {
          mean[j] += r[j] / n;
        }
      }
    }
    return mean;
  }

  /**
   * |t| (Newey–West) of a placebo step at the {@code q}-th row, fitted on the first {@code q +
   * length} rows only; NaN when that fit is degenerate.
   */
  double placeboT(int q, int length) {
    LeastSquares fit = fitFirst(q + length, List.of(rows[q]));
    if (fit == null) {
      return Double.NaN;
    }
    int column = baseTerms();
    double se = Math.sqrt(fit.hacCovariance(NeweyWest.lags(fit.n)).getEntry(column, column));
    return se > 0 ? Math.abs(fit.beta[column] / se) : Double.NaN;
  }
}
