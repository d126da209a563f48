package io.socialkpi.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * A weekly series (ISO weeks, Monday first) over the generated range, for checking effects the way
 * the pipeline will: before/after means with Welch's t test, and correlations of first-differenced
 * series at lags. Only complete weeks take part.
 */
final class Weekly {
  private final LocalDate firstMonday;
  private final double[] values;
  private final int completeWeeks;

  Weekly(GeneratorOptions o) {
    this.firstMonday = o.start().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    long span = ChronoUnit.DAYS.between(firstMonday, o.lastDay().plusDays(1));
    this.completeWeeks = (int) (span / 7);
    this.values = new double[completeWeeks + 1];
  }

  void add(LocalDate day, double value) {
    long w = Math.floorDiv(ChronoUnit.DAYS.between(firstMonday, day), 7);
    if (w >= 0 && w < completeWeeks) {
      values[(int) w] += value;
    }
  }

  /** The value of every complete week, in order. */
  double[] values() {
    return Arrays.copyOf(values, completeWeeks);
  }

  int weekOf(LocalDate day) {
    return (int) Math.floorDiv(ChronoUnit.DAYS.between(firstMonday, day), 7);
  }

  /** Weeks before the one holding {@code launch}, and from it on (the launch week is "after"). */
  double[][] split(LocalDate launch) {
    return split(values(), weekOf(launch));
  }

  static double[][] split(double[] v, int firstAfter) {
    return new double[][] {
      Arrays.copyOfRange(v, 0, firstAfter), Arrays.copyOfRange(v, firstAfter, v.length)
    };
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  static double welchP(double[][] beforeAfter) {
    return new TTest().tTest(beforeAfter[0], beforeAfter[1]);
  }

  static double[] ratio(double[] numerator, double[] denominator) {
    double[] r = new double[numerator.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = numerator[i] / denominator[i];
    }
    return r;
  }

  static double[] diff(double[] v) {
    double[] d = new double[v.length - 1];
    for (int i = 1; i < v.length; i++) {
      d[i - 1] = v[i] - v[i - 1];
    }
    return d;
  }

  /** Pearson r of (x[t], y[t + lag]) over the overlapping pairs. */
  static double lagCorrelation(double[] x, double[] y, int lag) {
    int n = Math.min(x.length, y.length) - lag;
    return new PearsonsCorrelation()
        .correlation(Arrays.copyOfRange(x, 0, n), Arrays.copyOfRange(y, lag, lag + n));
  }

  /** The lag in 0..maxLag with the highest correlation of the differenced series. */
  static int bestLag(double[] x, double[] y, int maxLag) {
    double[] dx = diff(x);
    double[] dy = diff(y);
    int best = 0;
    for (int k = 1; k <= maxLag; k++) {
      if (lagCorrelation(dx, dy, k) > lagCorrelation(dx, dy, best)) {
        best = k;
      }
    }
    return best;
  }
}
