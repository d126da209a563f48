package io.socialkpi.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Interrupted-time-series (segmented) regression of an outcome over its windows (Bernal, Cummins
 * and Gasparrini 2017): {@code y_t = level + trend * t + sum_k step_k * [t >= launch_k] (+ annual
 * sine and cosine) (+ weekday dummies) + e_t}, by least squares (QR), with Newey–West standard
 * errors ({@link NeweyWest}). With a control, {@code y_t} is the outcome minus the control scaled
 * to the outcome's pre-launch level (see {@link Design}). Each tactic's effect is its step: the
 * change in level at its launch beyond the trend before it, the earlier tactics' steps, the season
 * and weekday patterns and the control. Windows in a tactic's ramp-up are left out of the fit.
 *
 * <p>Because autocorrelation that the lag rule misses still makes analytic p-values too small, each
 * step's t statistic is also ranked among placebo launches ({@link PlaceboLaunches}) fitted on the
 * clean history before the first launch; a verdict uses the larger of the two p-values.
 */
public final class SegmentedRegression {
  /**
   * Windows before the first launch below which no trend is estimated, beyond the model's terms.
   */
  public static final int MIN_PRE_WINDOWS = 8;

  private SegmentedRegression() {}

  /**
   * The series and the launches to fit.
   *
   * @param y the outcome per window (NaN: missing)
   * @param control the control series aligned with y, or null
   * @param dayOfWeek 1..7 per window for daily windows, or null
   * @param cuts each tactic's launch window index, in the tactics' order (ascending)
   * @param from first window of the fit; {@code to} one past the last
   * @param rampUp windows from each launch on left out of the fit
   * @param seasonPeriod windows in a year (365.25 daily, 52.18 weekly, 12 monthly) for the annual
   *     terms, or 0 for none
   */
  // A parameter object, never compared or hashed: it hands the series to the fit without a copy.
  @SuppressWarnings("ArrayRecordComponent")
  public record Input(
      double[] y,
      double[] control,
      int[] dayOfWeek,
      int[] cuts,
      int from,
      int to,
      int rampUp,
      double seasonPeriod,
      double confidence) {}

  /** One effect per cut, in the same order. */
  public static List<AdjustedEffect> estimate(Input in) {
    Design base = new Design(in);
    String model = base.model(in.cuts.length);
    List<AdjustedEffect> out = new ArrayList<>();
    int first = in.cuts.length == 0 ? in.to : in.cuts[0];
    int nPre = base.rowsBefore(first);
    int minPre = Math.max(MIN_PRE_WINDOWS, base.baseTerms() + 4);
    // One step per distinct launch window that has windows of its own before the next launch;
    // a launch whose ramp-up runs into the next one has none and gets no column (it would
    // duplicate the next one's).
    List<Integer> steps = new ArrayList<>();
    for (int k = 0; k < in.cuts.length; k++) {
      int cut = in.cuts[k];
      boolean repeated = k > 0 && in.cuts[k - 1] == cut;
      if (!repeated && cut > in.from && base.rowsBetween(cut, nextCut(in.cuts, cut, in.to)) > 0) {
        steps.add(cut);
      }
    }
    LeastSquares fit = null;
    if (nPre >= minPre && !steps.isEmpty()) {
      fit = base.fit(steps);
    }
    PlaceboLaunches placebo = PlaceboLaunches.of(base, first, minPre);
    for (int k = 0; k < in.cuts.length; k++) {
      int cut = in.cuts[k];
      int next = nextCut(in.cuts, cut, in.to);
      int nPost = base.rowsBetween(cut, next);
      boolean shared =
          (k > 0 && in.cuts[k - 1] == cut) || (k + 1 < in.cuts.length && in.cuts[k + 1] == cut);
      String why =
          nPre < minPre
              ? "too little history before the first launch to estimate the trend ("
                  + nPre
                  + " windows, need "
                  + minPre
                  + ")"
              : shared
                  ? "another tactic launched in the same window: their effects cannot be told"
                      + " apart"
                  : nPost == 0
                      ? cut < in.to && base.rowsAtOrAfter(cut) > 0
                          ? "no windows of its own between its ramp-up and the next launch"
                          : "no windows after the launch"
                      : fit == null ? "the segmented regression is degenerate" : null;
      if (why != null) {
        out.add(AdjustedEffect.missing(nPre, nPost, model, why));
        continue;
      }
      int column = base.baseTerms() + steps.indexOf(cut);
      out.add(
          effect(fit, base, steps, column, cut, next, nPre, nPost, model, placebo, in.confidence));
    }
    return out;
  }

  private static int nextCut(int[] cuts, int cut, int to) {
    for (int c : cuts) {
      if (c > cut) {
        return Math.min(c, to);
      }
    }
    return to;
  }

  private static AdjustedEffect effect(
      LeastSquares fit,
      Design design,
      java.util.List<Integer> steps,
      int column,
      int cut,
      int next,
      int nPre,
      int nPost,
      String model,
      PlaceboLaunches placebo,
      double confidence) {
    int lags = fit.hacLags();
    double estimate = fit.beta[column];
    double se = Math.sqrt(fit.hacVariance(fit.unit(column), lags));
    TDistribution t = new TDistribution(null, fit.df(), 1e-14);
    double crit = t.inverseCumulativeProbability((1 + confidence) / 2);
    if (!(se > 0) || fit.residualVariance <= 1e-20 * design.meanSquare()) {
      return AdjustedEffect.missing(nPre, nPost, model, "no variation around the fitted model");
    }
    double stat = estimate / se;
    double p = 2 * t.cumulativeProbability(-Math.abs(stat));
    // The interval of the decisive test: the HAC error widened by the placebo inflation, so that
    // it excludes zero exactly when the placebo p-value is below 1 - confidence.
    double kappa = Double.isNaN(placebo.inflation()) ? 1 : placebo.inflation();
    double half = crit * se * kappa;
    // Relative to what the model predicts for the after period without this step.
    double[] mean = design.meanRow(cut, next, steps);
    mean[column] = 0;
    double level = design.meanOffset(cut, next);
    for (int j = 0; j < fit.p; j++) {
      level += mean[j] * fit.beta[j];
    }
    double rel = Double.NaN;
    double relLow = Double.NaN;
    double relHigh = Double.NaN;
    if (Math.abs(level) > 1e-12 * Math.abs(estimate)) {
      double abs = Math.abs(level);
      rel = estimate / abs;
      double[] g = new double[fit.p];
      for (int j = 0; j < fit.p; j++) {
        g[j] = -estimate * Math.signum(level) * mean[j] / (abs * abs);
      }
      g[column] += 1 / abs;
      double relSe = Math.sqrt(fit.hacVariance(g, lags));
      relLow = rel - crit * relSe * kappa;
      relHigh = rel + crit * relSe * kappa;
    }
    double placeboP = placebo.pValue(Math.abs(stat), fit.df());
    return new AdjustedEffect(
        nPre,
        nPost,
        estimate,
        se,
        fit.df(),
        p,
        estimate - half,
        estimate + half,
        rel,
        relLow,
        relHigh,
        placeboP,
        placebo.inflation(),
        placebo.count(),
        lags,
        model,
        Double.isNaN(placeboP) ? placebo.why() : design.controlNote());
  }
}
