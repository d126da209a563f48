package io.socialkpi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.analysis.TacticFinding.Evidence;
import io.socialkpi.analysis.Verdicts.LeadEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rule of docs/STATISTICS.md, case by case. */
class VerdictsTest {
  static final double NAN = Double.NaN;

  /** A tactic without a control: raw interval, adjusted step, its HAC and placebo p. */
  static Evidence effect(
      String id, double rawLow, double rawHigh, double adj, double p, double pp) {
    return new Evidence(id, rawLow, rawHigh, adj, p, pp, null, false, NAN, NAN, NAN);
  }

  static Evidence withControl(
      String id,
      double rawLow,
      double rawHigh,
      double adj,
      double p,
      double did,
      double didP,
      double preTrendP) {
    return new Evidence(id, rawLow, rawHigh, adj, p, p, null, true, did, didP, preTrendP);
  }

  static LeadEvidence lead(String metric, double coefficient, double q, int n) {
    return new LeadEvidence(metric, 2, "pearson", coefficient, q, false, n, true);
  }

  static Verdicts.Verdict up(Evidence... effects) {
    return Verdicts.decide(1, 0.05, List.of(effects), List.of());
  }

  @Test
  void aStepBeyondTheTrendAndThePlacebosSupports() {
    Verdicts.Verdict v = up(effect("tab", 2, 6, 4, 0.001, 0.02));
    assertThat(v.verdict()).isEqualTo("supported");
    assertThat(v.code()).isEqualTo("moved_expected_way");
    assertThat(v.reason())
        .isEqualTo(
            "the outcome moved the expected way after tab, beyond the trend before the"
                + " launch (p = 0.020)");
  }

  @Test
  void aRiseThatWasAlreadyTheTrendIsInconclusive() {
    // Raw before/after says +4 clearly; beyond the trend nothing is left.
    Verdicts.Verdict v = up(effect("tab", 2, 6, 0.3, 0.6, 0.7));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.code()).isEqualTo("no_change_beyond_trend");
    assertThat(v.reason()).isEqualTo("no change beyond the trend before the launch of tab");
  }

  @Test
  void theAnalyticPAloneDoesNotDecideWhenThePlacebosDisagree() {
    Verdicts.Verdict v = up(effect("tab", 2, 6, 4, 1e-6, 0.3));
    assertThat(v.verdict()).isEqualTo("inconclusive");
  }

  @Test
  void aClearFallSupportsADownObjectiveAndContradictsAnUpOne() {
    Evidence fall = effect("vip", -9, -4, -6, 0.001, 0.01);
    assertThat(Verdicts.decide(-1, 0.05, List.of(fall), List.of()).verdict())
        .isEqualTo("supported");
    assertThat(up(fall).verdict()).isEqualTo("contradicted");
  }

  @Test
  void aControlThatMovedTheSameWayIsSaid() {
    Verdicts.Verdict v = up(withControl("campaign", 1, 5, 0.2, 0.7, 0.1, 0.9, 0.6));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.code()).isEqualTo("control_moved_same_way");
    assertThat(v.reason()).isEqualTo("the control moved the same way after campaign");
  }

  @Test
  void aControlAdjustedEstimateClearlyAgainstContradicts() {
    // The audit's case: the raw change is positive, against the control the outcome fell clearly
    // (-19.5); the adjusted estimate, which is against the control, decides.
    Verdicts.Verdict v = up(withControl("campaign", 1, 5, -19.5, 1e-6, -19.5, 1e-20, 0.5));
    assertThat(v.verdict()).isEqualTo("contradicted");
    assertThat(v.code()).isEqualTo("moved_against_expected_way");
    assertThat(v.reason())
        .isEqualTo(
            "the outcome moved against the expected way after campaign, beyond the trend before"
                + " the launch and the control (p < 0.001)");
  }

  @Test
  void differenceInDifferencesAloneDoesNotContradict() {
    // Its classical standard error ignores autocorrelation: alone it never decides.
    Verdicts.Verdict v = up(withControl("campaign", 1, 5, 0.5, 0.4, -19.5, 1e-20, 0.5));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.code()).isEqualTo("control_moved_same_way");
    assertThat(v.reason()).isEqualTo("the control moved the same way or more after campaign");
  }

  @Test
  void differenceInDifferencesWithDifferentPreTrendsDoesNotDecideAlone() {
    Verdicts.Verdict v = up(withControl("campaign", 1, 5, 0.5, 0.4, -19.5, 1e-20, 0.001));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.reason()).contains("the control's trend differed before the launch");
  }

  @Test
  void aSupportingStepThatTheControlContradictsIsInconclusive() {
    Verdicts.Verdict v = up(withControl("campaign", 1, 5, 3, 0.001, -8, 0.001, 0.4));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.code()).isEqualTo("estimates_disagree");
    assertThat(v.reason()).startsWith("the estimates disagree after campaign");
  }

  @Test
  void tooLittleHistoryIsInconclusiveAndNeverFallsBackToTheRawChange() {
    Evidence e =
        new Evidence(
            "tab",
            5,
            9,
            NAN,
            NAN,
            NAN,
            "too little history before the first launch to estimate"
                + " the trend (5 windows, need 8)",
            false,
            NAN,
            NAN,
            NAN);
    Verdicts.Verdict v = up(e);
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.code()).isEqualTo("no_estimate");
    assertThat(v.reason())
        .isEqualTo(
            "no estimate for tab: too little history before the first launch to estimate the"
                + " trend (5 windows, need 8)");
  }

  @Test
  void mixedTacticsAreInconclusive() {
    Verdicts.Verdict v =
        up(effect("a", 1, 2, 1.5, 0.001, 0.01), effect("b", -3, -1, -2, 0.001, 0.01));
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.code()).isEqualTo("tactics_disagree");
    assertThat(v.reason()).isEqualTo("tactics disagree: a helped, b went the other way");
  }

  @Test
  void withoutTacticsOnlyASignificantNonTrendLeadWithEnoughPairsSupports() {
    LeadEvidence strong = lead("page.fans", 0.61, 0.003, 40);
    LeadEvidence trendOnly =
        new LeadEvidence("page.fans", 0, "pearson", 0.9, 0.0001, true, 40, true);
    LeadEvidence weak = lead("page.fans", 0.2, 0.2, 40);
    LeadEvidence tiny = lead("page.fans", 1.0, 0.0, 5);
    Verdicts.Verdict v = Verdicts.decide(1, 0.05, List.of(), List.of(strong));
    assertThat(v.verdict()).isEqualTo("supported");
    assertThat(v.code()).isEqualTo("lead_indicator");
    assertThat(v.reason()).isEqualTo("page.fans leads by 2 windows (r = 0.61, q = 0.003)");
    assertThat(Verdicts.decide(1, 0.05, List.of(), List.of(trendOnly, weak, tiny)).verdict())
        .isEqualTo("inconclusive");
  }

  @Test
  void aBadLeadMovingAgainstTheOutcomeSupports() {
    // Complaints (polarity bad) falling while sales rise: a negative coefficient is the expected
    // direction; the old rule compared the sign with the outcome's direction and never supported.
    LeadEvidence complaints =
        new LeadEvidence("mentions.complaints", 1, "spearman", -0.7, 0.001, false, 60, true);
    Verdicts.Verdict v = Verdicts.decide(1, 0.05, List.of(), List.of(complaints));
    assertThat(v.verdict()).isEqualTo("supported");
    assertThat(v.reason())
        .isEqualTo("mentions.complaints leads by 1 window (ρ = \u22120.70, q = 0.001)");
  }

  @Test
  void tiesOnQGoToTheLargerCoefficientThenTheName() {
    LeadEvidence a = lead("b.weak", 0.4, 0.01, 50);
    LeadEvidence b = lead("a.strong", 0.8, 0.01, 50);
    LeadEvidence c = lead("c.strong", 0.8, 0.01, 50);
    assertThat(Verdicts.best(List.of(a, c, b), 0.05).leadMetric()).isEqualTo("a.strong");
    assertThat(Verdicts.best(List.of(c, a, b), 0.05).leadMetric()).isEqualTo("a.strong");
  }

  @Test
  void kendallIsTau() {
    LeadEvidence k = new LeadEvidence("x.y", 3, "kendall", 0.5, 0.0001, false, 30, true);
    assertThat(Verdicts.leadText(k)).isEqualTo("x.y leads by 3 windows (τ = 0.50, q < 0.001)");
  }

  @Test
  void missingEstimatesNeverDecide() {
    assertThat(up(effect("a", NAN, NAN, NAN, NAN, NAN)).verdict()).isEqualTo("inconclusive");
  }
}
