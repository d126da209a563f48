package io.socialkpi.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Compares the windows after a launch with the windows before it (NaN values are dropped).
 *
 * <ul>
 *   <li>Welch's t (after − before) with Welch–Satterthwaite df, never pooled variances, two-sided p
 *       and the t-based confidence interval of the change (R {@code t.test}, SciPy {@code
 *       ttest_ind(equal_var=False)}).
 *   <li>Hedges' g: the change over the pooled standard deviation, times the small-sample correction
 *       {@code J = 1 - 3/(4(n1+n2)-9)}.
 *   <li>Mann–Whitney U: two-sided, normal approximation with tie and continuity corrections (SciPy
 *       {@code mannwhitneyu(after, before, method='asymptotic')}).
 * </ul>
 *
 * <p>With fewer than 2 values on a side, or no variance on both sides, the test statistics are NaN
 * and the note says why; means and changes are still given where they exist.
 */
public final class BeforeAfter {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private BeforeAfter() {}

  public static TwoSampleResult compare(
      double[] beforeWithGaps, double[] afterWithGaps, double confidence) {
    double[] before = Pairs.present(beforeWithGaps);
    double[] after = Pairs.present(afterWithGaps);
    int n1 = before.length;
    int n2 = after.length;
    double m1 = mean(before);
    double m2 = mean(after);
    double v1 = variance(before, m1);
    double v2 = variance(after, m2);
    double diff = m2 - m1;
    double rel = m1 == 0 || Double.isNaN(m1) ? Double.NaN : diff / m1;
    double nan = Double.NaN;
    if (n1 < 2 || n2 < 2) {
      String note =
          n1 == 0 || n2 == 0
              ? "no windows on one side of the launch"
              : "fewer than 2 windows on one side of the launch";
      return new TwoSampleResult(
          n1,
          n2,
          m1,
          m2,
          Math.sqrt(v1),
          Math.sqrt(v2),
          n1 == 0 || n2 == 0 ? nan : diff,
          rel,
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          note);
    }
    double a = v1 / n1;
    double b = v2 / n2;
    double se = Math.sqrt(a + b);
    if (se == 0) {
      return new TwoSampleResult(
          n1,
          n2,
          m1,
          m2,
          0,
          0,
          diff,
          rel,
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          nan,
          "no variation before or after the launch");
    }
    double t = diff / se;
    double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
    // A tight quantile accuracy: the default (1e-9 absolute) shows in CIs of large values.
    TDistribution dist = new TDistribution(null, df, 1e-14);
    double p = 2 * dist.cumulativeProbability(-Math.abs(t));
    double crit = dist.inverseCumulativeProbability((1 + confidence) / 2);
    double pooled = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
    double g = pooled == 0 ? nan : diff / pooled * (1 - 3.0 / (4 * (n1 + n2) - 9));
    return new TwoSampleResult(
        n1,
        n2,
        m1,
        m2,
        Math.sqrt(v1),
        Math.sqrt(v2),
        diff,
        rel,
        t,
        df,
        p,
        diff - crit * se,
        diff + crit * se,
        g,
        mannWhitneyP(after, before),
        null);
  }

  /** Two-sided p of U for x against y, as SciPy's asymptotic method with continuity correction. */
  static double mannWhitneyP(double[] x, double[] y) {
    int n1 = x.length;
    int n2 = y.length;
    double[] all = new double[n1 + n2];
    System.arraycopy(x, 0, all, 0, n1);
    System.arraycopy(y, 0, all, n1, n2);
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
    double r1 = 0;
    for (int i = 0; i < n1; i++) {
      r1 += ranks[i];
    }
    double u1 = r1 - n1 * (n1 + 1) / 2.0;
    double u = Math.max(u1, (double) n1 * n2 - u1);
    int n = n1 + n2;
    double tieTerm = 0;
    java.util.Map<Double, Integer> counts = new java.util.HashMap<>();
    for (double v : all) {
      counts.merge(v, 1, Integer::sum);
    }
    for (int c : counts.values()) {
      tieTerm += (double) c * c * c - c;
    }
    double s = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1.0))));
    if (s == 0) {
      return Double.NaN;
    }
    double z = (u - n1 * (double) n2 / 2 - 0.5) / s;
    return Math.max(0, Math.min(1, 2 * (1 - NORMAL.cumulativeProbability(z))));
  }

  static double mean(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  static double variance(double[] v, double mean) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double s = 0;
    for (double d : v) {
      s += (d - mean) * (d - mean);
    }
    return s / (v.length - 1);
  }
}
