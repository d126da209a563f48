package io.socialkpi.stats;

import java.io.Serializable;

/**
 * A relative change {@code (after − before) / |before|} of two independent means and its confidence
 * interval, accounting for the uncertainty of the baseline mean (dividing the interval of the
 * difference by {@code |before|} ignores it and is too narrow).
 *
 * <p>The interval is Fieller's: the ratio {@code θ = after / before} is in it when {@code |after −
 * θ·before| ≤ c·√(se_after² + θ²·se_before²)}, with {@code c} the critical value of the
 * difference's own interval (Welch's t at its Welch–Satterthwaite df). It is bounded only when the
 * baseline differs from 0 at that level ({@code before² > c²·se_before²}); otherwise the set is
 * unbounded (the whole line or two half-lines), and the bounds are NaN with a note saying so.
 * {@link #deltaMethod} is the first-order approximation, symmetric about the estimate, for
 * comparison.
 *
 * @param estimate {@code (after − before) / |before|}
 * @param ciLow lower bound; NaN when undefined or unbounded
 * @param ciHigh upper bound; NaN when undefined or unbounded
 * @param note why the interval is missing, or null
 */
public record RelativeChange(double estimate, double ciLow, double ciHigh, String note)
    implements Serializable {

  static final String UNBOUNDED =
      "the baseline's interval includes 0: the relative change's interval is unbounded";
  static final String UNDEFINED =
      "no interval of the difference: no interval of the relative change";

  /**
   * The relative change of a before/after comparison, at the confidence of its interval of the
   * difference (the critical value is read back from that interval).
   */
  public static RelativeChange of(TwoSampleResult t) {
    double seBefore = t.sdBefore() / Math.sqrt(t.nBefore());
    double seAfter = t.sdAfter() / Math.sqrt(t.nAfter());
    double se = Math.hypot(seBefore, seAfter);
    double crit = (t.ciHigh() - t.ciLow()) / (2 * se);
    if (Double.isNaN(t.relChange())) {
      return new RelativeChange(Double.NaN, Double.NaN, Double.NaN, null);
    }
    RelativeChange f = fieller(t.meanBefore(), seBefore, t.meanAfter(), seAfter, crit);
    // The estimate as the test computed it (NaN when the baseline is 0 up to rounding).
    return new RelativeChange(t.relChange(), f.ciLow(), f.ciHigh(), f.note());
  }

  /**
   * Fieller's interval of {@code (after − before) / |before|} for independent means with standard
   * errors {@code seBefore} and {@code seAfter} and critical value {@code crit}.
   */
  public static RelativeChange fieller(
      double meanBefore, double seBefore, double meanAfter, double seAfter, double crit) {
    double estimate = estimate(meanBefore, meanAfter);
    if (Double.isNaN(estimate)
        || !(seBefore >= 0)
        || !(seAfter >= 0)
        || !(crit > 0)
        || Double.isInfinite(crit)) {
      return new RelativeChange(estimate, Double.NaN, Double.NaN, UNDEFINED);
    }
    double c2 = crit * crit;
    double a = meanBefore * meanBefore - c2 * seBefore * seBefore;
    if (a <= 0) {
      return new RelativeChange(estimate, Double.NaN, Double.NaN, UNBOUNDED);
    }
    double b = meanAfter * meanBefore;
    // With a > 0 the discriminant is k²·(before²·se_after² + se_before²·(after² − k²·se_after²))
    // ≥ k²·se_after²·a ≥ 0 (k the critical value); written that way it does not cancel.
    double disc =
        c2
            * (meanBefore * meanBefore * seAfter * seAfter
                + seBefore * seBefore * (meanAfter * meanAfter - c2 * seAfter * seAfter));
    double root = Math.sqrt(Math.max(0, disc));
    double theta1 = (b - root) / a;
    double theta2 = (b + root) / a;
    double sign = Math.signum(meanBefore);
    double r1 = sign * (theta1 - 1);
    double r2 = sign * (theta2 - 1);
    return new RelativeChange(estimate, Math.min(r1, r2), Math.max(r1, r2), null);
  }

  /**
   * The delta-method interval: {@code estimate ± crit·√(se_after² + θ²·se_before²) / |before|},
   * with {@code θ = after / before}. Symmetric, and finite even when the baseline could be 0, where
   * it is meaningless: prefer {@link #fieller}.
   */
  public static RelativeChange deltaMethod(
      double meanBefore, double seBefore, double meanAfter, double seAfter, double crit) {
    double estimate = estimate(meanBefore, meanAfter);
    double theta = meanAfter / meanBefore;
    double se = Math.sqrt(seAfter * seAfter + theta * theta * seBefore * seBefore);
    double half = crit * se / Math.abs(meanBefore);
    if (Double.isNaN(estimate) || Double.isNaN(half) || Double.isInfinite(half)) {
      return new RelativeChange(estimate, Double.NaN, Double.NaN, UNDEFINED);
    }
    return new RelativeChange(estimate, estimate - half, estimate + half, null);
  }

  private static double estimate(double meanBefore, double meanAfter) {
    return meanBefore == 0 ? Double.NaN : (meanAfter - meanBefore) / Math.abs(meanBefore);
  }
}
