package io.socialkpi.analysis;

import java.util.Locale;

/**
 * What the evidence says about one tactic's effect on the outcome, and why, by the rule of
 * docs/STATISTICS.md ("Verdict"): the adjusted effect (segmented regression) decides, on the larger
 * of its Newey–West and placebo p-values; with a control that estimate is already against the
 * control. A difference-in-differences (classical standard error, no trend) never decides alone:
 * with parallel pre-trends and a clear opposite sign it only vetoes a supporting step. The raw
 * before/after change never decides: it only explains a no-change.
 */
record TacticFinding(Kind kind, String tacticId, double decisiveP, String code, String reason) {

  enum Kind {
    SUPPORTS,
    AGAINST,
    CONFLICT,
    NO_CHANGE,
    UNDETERMINED
  }

  /**
   * The outcome's evidence around one tactic; NaN where not available.
   *
   * @param rawLow the raw before/after interval (descriptive: used only to explain a no-change)
   * @param adjEstimate the step beyond trend, weekday pattern, control and earlier tactics
   * @param adjP its Newey–West p-value; {@code placeboP} its placebo-launch p-value
   * @param adjNote why the adjusted effect is missing, or null
   * @param hasControl whether a control series (metric or entity) was used
   * @param didEstimate difference-in-differences against the control; {@code didP} its p-value
   * @param didPreTrendP p-value of a different trend before the launch (small: not parallel)
   */
  record Evidence(
      String tacticId,
      double rawLow,
      double rawHigh,
      double adjEstimate,
      double adjP,
      double placeboP,
      String adjNote,
      boolean hasControl,
      double didEstimate,
      double didP,
      double didPreTrendP) {}

  static TacticFinding of(Evidence e, int sign, double alpha) {
    String id = e.tacticId();
    if (Double.isNaN(e.adjEstimate()) || Double.isNaN(e.adjP())) {
      String why = e.adjNote() == null ? "no adjusted estimate" : e.adjNote();
      return new TacticFinding(
          Kind.UNDETERMINED, id, Double.NaN, "no_estimate", "no estimate for " + id + ": " + why);
    }
    if (Double.isNaN(e.placeboP())) {
      String why = e.adjNote() == null ? "no placebo launches" : e.adjNote();
      return new TacticFinding(
          Kind.UNDETERMINED,
          id,
          Double.NaN,
          "no_placebo_check",
          "no placebo check for " + id + ": " + why);
    }
    double p = Math.max(e.adjP(), e.placeboP());
    boolean parallel = !Double.isNaN(e.didPreTrendP()) && e.didPreTrendP() >= alpha;
    boolean didAgainst =
        e.hasControl() && parallel && e.didP() < alpha && sign * e.didEstimate() < 0;
    String trendNote =
        e.hasControl() && !parallel
            ? " (the control's trend differed before the launch, so the difference-in-differences"
                + " is not relied on)"
            : "";
    int direction = (int) Math.signum(sign * e.adjEstimate());
    if (p < alpha && direction > 0) {
      if (didAgainst) {
        return new TacticFinding(
            Kind.CONFLICT,
            id,
            p,
            "estimates_disagree",
            "the estimates disagree after "
                + id
                + ": against the control the outcome went the other way");
      }
      return new TacticFinding(
          Kind.SUPPORTS, id, p, "moved_expected_way", moved("the expected way", e, p) + trendNote);
    }
    if (p < alpha && direction < 0) {
      return new TacticFinding(
          Kind.AGAINST,
          id,
          p,
          "moved_against_expected_way",
          moved("against the expected way", e, p) + trendNote);
    }
    boolean rawMoved = Verdicts.side(sign, e.rawLow(), e.rawHigh()) > 0;
    String code;
    String reason;
    if (rawMoved && e.hasControl() && !(e.didP() < alpha && sign * e.didEstimate() > 0)) {
      code = "control_moved_same_way";
      reason =
          (didAgainst
                  ? "the control moved the same way or more after "
                  : "the control moved the same way after ")
              + id;
    } else if (rawMoved) {
      code = "no_change_beyond_trend";
      reason = "no change beyond the trend before the launch of " + id;
    } else {
      code = "no_change_beyond_chance";
      reason = "no change beyond chance after " + id;
    }
    return new TacticFinding(Kind.NO_CHANGE, id, p, code, reason + trendNote);
  }

  /** "the outcome moved {how} after {tactic}, beyond the trend before the launch (p = ...)". */
  private static String moved(String how, Evidence e, double p) {
    return "the outcome moved "
        + how
        + " after "
        + e.tacticId()
        + ", beyond the trend before the launch"
        + (e.hasControl() ? " and the control" : "")
        + " ("
        + pText(p)
        + ")";
  }

  static String pText(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }
}
