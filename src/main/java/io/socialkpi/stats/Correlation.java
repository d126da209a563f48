package io.socialkpi.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Correlation coefficients with two-sided p-values and confidence intervals, over pairs where both
 * values are present (NaN = missing, dropped pair by pair).
 *
 * <ul>
 *   <li>Pearson r: p from {@code t = r sqrt((n-2)/(1-r^2))} with n-2 df (R {@code cor.test}, SciPy
 *       {@code pearsonr}); CI by Fisher z, {@code tanh(atanh(r) ± z/sqrt(n-3))}.
 *   <li>Spearman rho: Pearson on average ranks (ties averaged); p from the same t approximation
 *       (SciPy {@code spearmanr}); CI by Fisher z with the Bonett–Wright (2000) standard error
 *       {@code sqrt((1 + rho^2/2)/(n-3))}.
 *   <li>Kendall tau-b: p from the tie-corrected normal approximation (SciPy {@code
 *       kendalltau(method='asymptotic')}); CI by Fisher z with the Fieller, Hartley and Pearson
 *       (1957) standard error {@code sqrt(0.437/(n-4))}.
 * </ul>
 */
public final class Correlation {
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private Correlation() {}

  public static CorrelationResult pearson(double[] x, double[] y, double confidence) {
    Pairs p = Pairs.complete(x, y);
    String why = p.degenerate(x.length);
    if (why != null) {
      return CorrelationResult.missing(p.size(), why);
    }
    double r = pearsonOf(p.x, p.y);
    return withTTest(p.size(), r, confidence, 1.0 / Math.sqrt(p.size() - 3.0), 4);
  }

  public static CorrelationResult spearman(double[] x, double[] y, double confidence) {
    Pairs p = Pairs.complete(x, y);
    String why = p.degenerate(x.length);
    if (why != null) {
      return CorrelationResult.missing(p.size(), why);
    }
    double rho = pearsonOf(ranks(p.x), ranks(p.y));
    double se = Math.sqrt((1 + rho * rho / 2) / (p.size() - 3.0));
    return withTTest(p.size(), rho, confidence, se, 4);
  }

  public static CorrelationResult kendall(double[] x, double[] y, double confidence) {
    Pairs p = Pairs.complete(x, y);
    String why = p.degenerate(x.length);
    if (why != null) {
      return CorrelationResult.missing(p.size(), why);
    }
    KendallTau k = KendallTau.of(p.x, p.y);
    int n = p.size();
    double pValue = 2 * NORMAL.cumulativeProbability(-Math.abs(k.z()));
    double[] ci = fisherInterval(k.tau(), Math.sqrt(0.437 / (n - 4.0)), confidence, n >= 5);
    return new CorrelationResult(n, k.tau(), Math.min(1.0, pValue), ci[0], ci[1], null);
  }

  private static CorrelationResult withTTest(
      int n, double r, double confidence, double se, int minForInterval) {
    double pValue;
    if (Math.abs(r) >= 1.0) {
      pValue = 0.0;
    } else {
      double t = r * Math.sqrt((n - 2) / (1 - r * r));
      pValue = 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
    }
    double[] ci = fisherInterval(r, se, confidence, n >= minForInterval);
    return new CorrelationResult(n, r, pValue, ci[0], ci[1], null);
  }

  static double[] fisherInterval(double r, double se, double confidence, boolean defined) {
    if (!defined || Double.isNaN(se)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double z = atanh(Math.max(-1, Math.min(1, r)));
    double crit = NORMAL.inverseCumulativeProbability((1 + confidence) / 2);
    return new double[] {Math.tanh(z - crit * se), Math.tanh(z + crit * se)};
  }

  private static double atanh(double r) {
    return 0.5 * Math.log((1 + r) / (1 - r));
  }

  static double pearsonOf(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    double r = sxy / Math.sqrt(sxx * syy);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  static double[] ranks(double[] v) {
    return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(v);
  }
}
