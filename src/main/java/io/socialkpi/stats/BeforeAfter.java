package io.socialkpi.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Compares the windows after a launch with the windows before it (NaN values are dropped).
 *
 * <ul>
 *   <li>Relative change: {@code (mean_after - mean_before) / |mean_before|}, so its sign is always
 *       the sign of the absolute change (−0.20 → −0.09 is +55%, a rise); NaN when mean_before is 0
 *       up to rounding ({@code |mean_before| <= 1e-12 max|before|}).
 *   <li>Welch's t (after − before) with Welch–Satterthwaite df, never pooled variances, two-sided p
 *       and the t-based confidence interval of the change (R {@code t.test}, SciPy {@code
 *       ttest_ind(equal_var=False)}).
 *   <li>Hedges' g: the change over the pooled standard deviation, times the small-sample correction
 *       {@code J = 1 - 3/(4(n1+n2)-9)}.
 *   <li>Mann–Whitney U: two-sided, as SciPy {@code mannwhitneyu(after, before)} with its default
 *       {@code method='auto'}: the exact null distribution of U when the smaller side has at most 8
 *       values and there are no ties, else the normal approximation with tie and continuity
 *       corrections.
 * </ul>
 *
 * <p>A side whose values are equal up to rounding ({@code max - min <= 1e-12 max|v|}) counts as
 * constant: its values are replaced by their mean (standard deviation 0). With fewer than 2 values
 * on a side, or no variance on both sides, the test statistics are NaN and the note says why; means
 * and changes are still given where they exist. With no variance on one side only, the test is
 * computed and the note says that the interval reflects the other side's spread only.
 */
public final class BeforeAfter {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** Mann–Whitney is exact when the smaller sample has at most this many values (and no ties). */
  static final int MANN_WHITNEY_EXACT_MAX = 8;

  private BeforeAfter() {}

  public static TwoSampleResult compare(
      double[] beforeWithGaps, double[] afterWithGaps, double confidence) {
    double[] before = flattened(Pairs.present(beforeWithGaps));
    double[] after = flattened(Pairs.present(afterWithGaps));
    int n1 = before.length;
    int n2 = after.length;
    double m1 = mean(before);
    double m2 = mean(after);
    double v1 = variance(before, m1);
    double v2 = variance(after, m2);
    double diff = m2 - m1;
    double rel = relativeChange(diff, m1, before);
    double nan = Double.NaN;
    if (n1 < 2 || n2 < 2) {
      String note =
          n1 == 0 || n2 == 0
              ? "no windows on one side of the launch"
              : "fewer than 2 windows on one side of the launch";
      return untested(
          n1, n2, m1, m2, Math.sqrt(v1), Math.sqrt(v2), n1 == 0 || n2 == 0 ? nan : diff, rel, note);
    }
    double a = v1 / n1;
    double b = v2 / n2;
    double se = Math.sqrt(a + b);
    if (se == 0) {
      return untested(n1, n2, m1, m2, 0, 0, diff, rel, "no variation before or after the launch");
    }
    String note = null;
    if (v1 == 0) {
      note = "no variation before the launch: the interval reflects the after period's spread only";
    } else if (v2 == 0) {
      note = "no variation after the launch: the interval reflects the before period's spread only";
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
        note);
  }

  /** The sizes, means, spreads and change alone: no test, interval or effect size, and why. */
  private static TwoSampleResult untested(
      int n1,
      int n2,
      double m1,
      double m2,
      double sd1,
      double sd2,
      double diff,
      double rel,
      String note) {
    double nan = Double.NaN;
    return new TwoSampleResult(
        n1, n2, m1, m2, sd1, sd2, diff, rel, nan, nan, nan, nan, nan, nan, nan, note);
  }

  /**
   * Two-sided p of U for x against y, as SciPy's {@code mannwhitneyu(x, y, method='auto')}: exact
   * when a sample has at most 8 values and there are no ties, else the normal approximation with
   * tie and continuity corrections, from the upper tail directly so that small p keep their digits.
   */
  static double mannWhitneyP(double[] x, double[] y) {
    int n1 = x.length;
    int n2 = y.length;
    double[] all = new double[n1 + n2];
    System.arraycopy(x, 0, all, 0, n1);
    System.arraycopy(y, 0, all, n1, n2);
    all = NumericTies.snapped(all);
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
    boolean ties = false;
    for (int c : counts.values()) {
      tieTerm += (double) c * c * c - c;
      ties |= c > 1;
    }
    if (!ties && Math.min(n1, n2) <= MANN_WHITNEY_EXACT_MAX) {
      return Math.min(1, 2 * uCdf(n1, n2, Math.round((double) n1 * n2 - u)));
    }
    double s = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1.0))));
    if (s == 0) {
      return Double.NaN;
    }
    double z = (u - n1 * (double) n2 / 2 - 0.5) / s;
    return Math.max(0, Math.min(1, 2 * NORMAL.cumulativeProbability(-z)));
  }

  /**
   * P(U <= c) under the null for samples of n1 and n2 values without ties: the share of the
   * C(n1+n2, n1) ways to interleave them in which the pairs (x above y) number at most c. Counted
   * by walking the merged order: placing an x after j y's adds j pairs.
   */
  static double uCdf(int n1, int n2, long c) {
    int small = Math.min(n1, n2);
    int large = Math.max(n1, n2);
    int max = (int) Math.min(c, (long) small * large);
    if (max < 0) {
      return 0;
    }
    // ways[k][u]: interleavings of the first i values holding k of the small sample, with U = u.
    double[][] ways = new double[small + 1][max + 1];
    ways[0][0] = 1;
    for (int i = 0; i < small + large; i++) {
      for (int k = Math.min(i, small - 1); k >= 0; k--) {
        int below = i - k;
        if (below > large) {
          continue;
        }
        double[] from = ways[k];
        double[] to = ways[k + 1];
        for (int u = max - below; u >= 0; u--) {
          to[u + below] += from[u];
        }
      }
    }
    double count = 0;
    for (double w : ways[small]) {
      count += w;
    }
    return count / CombinatoricsUtils.binomialCoefficientDouble(small + large, small);
  }

  /**
   * mean_after − mean_before over |mean_before|, so that its sign is the sign of the change also on
   * a negative baseline; NaN when mean_before is 0 up to rounding ({@code |mean| <= 1e-12 max|v|}).
   */
  static double relativeChange(double diff, double meanBefore, double[] before) {
    double largest = 0;
    for (double v : before) {
      largest = Math.max(largest, Math.abs(v));
    }
    if (Double.isNaN(meanBefore) || Math.abs(meanBefore) <= Pairs.CONSTANT_TOLERANCE * largest) {
      return Double.NaN;
    }
    return diff / Math.abs(meanBefore);
  }

  /**
   * A side whose values are equal up to rounding ({@link Pairs#constant}) as exactly constant: all
   * its values replaced by their mean, so its variance is 0 and its values tie.
   */
  static double[] flattened(double[] v) {
    if (v.length < 2 || !Pairs.constant(v)) {
      return v;
    }
    double[] flat = new double[v.length];
    java.util.Arrays.fill(flat, mean(v));
    return flat;
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
