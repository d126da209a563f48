package io.socialkpi.stats;

import java.util.Locale;
import java.util.function.Function;
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
 *
 * <p><b>Autocorrelation.</b> The windows of a business series are not independent: two series that
 * trend or wander correlate "significantly" without any link. So n in the formulas above is
 * replaced by the effective sample size N* of {@link EffectiveSize} (Pyper and Peterman 1998),
 * computed on the complete pairs in order: for Pearson on the values, for Spearman and Kendall on
 * their ranks. Pearson and Spearman take t on N* - 2 df (fractional) and Fisher z with {@code
 * sqrt(N*-3)}; Kendall's z is scaled by {@code sqrt(N* / n)} and its interval uses {@code
 * sqrt(0.437/(N*-4))}. An interval needs N* > 3 (Kendall: N* > 4). With N* < 3 the p-value is 1 and
 * the note says there are too few effectively independent windows. {@code n} stays the count of
 * pairs; N* is reported as {@code nEffective}.
 *
 * <p><b>Small samples.</b> Spearman's p is also computed exactly by enumerating all n! pairings of
 * the ranks when n <= 9 ({@link SpearmanExact}); Kendall's exactly from the distribution of
 * inversions when there are no ties and n <= 33 or at most one pair is discordant (or concordant),
 * SciPy's {@code kendalltau(method='auto')} rule. Where an exact p applies, <b>the reported p-value
 * is the larger (more conservative) of the exact p and the autocorrelation-adjusted asymptotic
 * p</b>: the exact p is right for exchangeable windows but knows nothing of autocorrelation, the
 * adjusted one is only asymptotic. Pearson has no exact variant: its t test is exact under
 * normality.
 *
 * <p>A series whose values are equal up to rounding ({@code max - min <= 1e-12 max|v|}) is
 * constant: no coefficient, note "constant series".
 */
public final class Correlation {
  /**
   * Below this many pairs a correlation is reported but never used as evidence for a verdict: with
   * fewer windows a large coefficient arises by chance too easily, and neither the exact nor the
   * asymptotic p-value can tell autocorrelation from a link.
   */
  public static final int MIN_PAIRS_FOR_EVIDENCE = 10;

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** How the p-value and the interval treat the pairs. */
  enum Inference {
    /** Independent pairs, asymptotic p only: what R and SciPy report (the reference tests). */
    TEXTBOOK,
    /** Effective sample size for autocorrelation, and the exact small-sample p where it applies. */
    ADJUSTED
  }

  private Correlation() {}

  public static CorrelationResult pearson(double[] x, double[] y, double confidence) {
    return pearson(x, y, confidence, Inference.ADJUSTED);
  }

  public static CorrelationResult spearman(double[] x, double[] y, double confidence) {
    return spearman(x, y, confidence, Inference.ADJUSTED);
  }

  public static CorrelationResult kendall(double[] x, double[] y, double confidence) {
    return kendall(x, y, confidence, Inference.ADJUSTED);
  }

  static CorrelationResult pearson(double[] x, double[] y, double confidence, Inference inference) {
    return ofPairs(x, y, p -> pearson(p, confidence, inference));
  }

  static CorrelationResult spearman(
      double[] x, double[] y, double confidence, Inference inference) {
    return ofPairs(x, y, p -> spearman(p, confidence, inference));
  }

  static CorrelationResult kendall(double[] x, double[] y, double confidence, Inference inference) {
    return ofPairs(x, y, p -> kendall(p, confidence, inference));
  }

  /** The coefficient of the complete pairs, or no coefficient and why when they allow none. */
  private static CorrelationResult ofPairs(
      double[] x, double[] y, Function<Pairs, CorrelationResult> coefficient) {
    Pairs p = Pairs.complete(x, y);
    String why = p.degenerate(x.length);
    return why != null ? CorrelationResult.missing(p.size(), why) : coefficient.apply(p);
  }

  private static CorrelationResult pearson(Pairs p, double confidence, Inference inference) {
    int n = p.size();
    double r = pearsonOf(p.x, p.y);
    double nEff = inference == Inference.ADJUSTED ? EffectiveSize.of(p.x, p.y) : n;
    double pValue = tooFew(nEff) ? 1.0 : tTestP(r, nEff);
    double[] ci = fisherInterval(r, 1.0 / Math.sqrt(nEff - 3.0), confidence, nEff > 3);
    return result(n, r, pValue, ci, nEff, inference);
  }

  private static CorrelationResult spearman(Pairs p, double confidence, Inference inference) {
    int n = p.size();
    double[] rx = ranks(NumericTies.snapped(p.x));
    double[] ry = ranks(NumericTies.snapped(p.y));
    double rho = pearsonOf(rx, ry);
    double nEff = inference == Inference.ADJUSTED ? EffectiveSize.of(rx, ry) : n;
    double pValue = tooFew(nEff) ? 1.0 : tTestP(rho, nEff);
    if (inference == Inference.ADJUSTED && n <= SpearmanExact.MAX_N) {
      pValue = Math.max(pValue, SpearmanExact.pValue(rx, ry));
    }
    double se = Math.sqrt((1 + rho * rho / 2) / (nEff - 3.0));
    double[] ci = fisherInterval(rho, se, confidence, nEff > 3);
    return result(n, rho, pValue, ci, nEff, inference);
  }

  private static CorrelationResult kendall(Pairs p, double confidence, Inference inference) {
    int n = p.size();
    double[] sx = NumericTies.snapped(p.x);
    double[] sy = NumericTies.snapped(p.y);
    KendallTau k = KendallTau.of(sx, sy);
    double nEff = inference == Inference.ADJUSTED ? EffectiveSize.of(ranks(sx), ranks(sy)) : n;
    double z = k.z() * Math.sqrt(nEff / n);
    double pValue =
        tooFew(nEff) ? 1.0 : Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    if (inference == Inference.ADJUSTED && k.exactApplies()) {
      pValue = Math.max(pValue, k.exactP());
    }
    double[] ci = fisherInterval(k.tau(), Math.sqrt(0.437 / (nEff - 4.0)), confidence, nEff > 4);
    return result(n, k.tau(), pValue, ci, nEff, inference);
  }

  /** Fewer than 3 effectively independent pairs: no t test (it needs N* - 2 > 0 df) and p = 1. */
  private static boolean tooFew(double nEff) {
    return nEff < 3;
  }

  private static CorrelationResult result(
      int n, double r, double pValue, double[] ci, double nEff, Inference inference) {
    String note =
        tooFew(nEff)
            ? String.format(
                Locale.ROOT, "too few effectively independent windows (N* = %.1f)", nEff)
            : null;
    return new CorrelationResult(
        n, r, pValue, ci[0], ci[1], note, inference == Inference.ADJUSTED ? nEff : Double.NaN);
  }

  /** Two-sided p of {@code t = r sqrt((nEff-2)/(1-r^2))} on nEff - 2 df. */
  private static double tTestP(double r, double nEff) {
    if (Math.abs(r) >= 1.0) {
      return 0.0;
    }
    double t = r * Math.sqrt((nEff - 2) / (1 - r * r));
    return 2 * new TDistribution(null, nEff - 2).cumulativeProbability(-Math.abs(t));
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
