package io.socialkpi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.analysis.Verdicts.LeadEvidence;
import io.socialkpi.analysis.Verdicts.OutcomeEffect;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictsTest {
  static final double NAN = Double.NaN;

  static OutcomeEffect effect(String id, double lo, double hi) {
    return new OutcomeEffect(id, lo, hi, NAN, NAN, NAN, NAN);
  }

  @Test
  void aClearRiseSupportsAnUpObjective() {
    Verdicts.Verdict v = Verdicts.decide(1, 0.05, List.of(effect("tab", 2, 6)), List.of());
    assertThat(v.verdict()).isEqualTo("supported");
    assertThat(v.reason()).contains("after tab");
  }

  @Test
  void aClearFallSupportsADownObjectiveAndContradictsAnUpOne() {
    assertThat(Verdicts.decide(-1, 0.05, List.of(effect("vip", -9, -4)), List.of()).verdict())
        .isEqualTo("supported");
    assertThat(Verdicts.decide(1, 0.05, List.of(effect("vip", -9, -4)), List.of()).verdict())
        .isEqualTo("contradicted");
  }

  @Test
  void anIntervalAcrossZeroIsInconclusive() {
    assertThat(Verdicts.decide(1, 0.05, List.of(effect("tab", -1, 3)), List.of()).verdict())
        .isEqualTo("inconclusive");
  }

  @Test
  void aControlAdjustedEstimateAgainstTheRiseMakesItInconclusive() {
    OutcomeEffect rawUpButControlSaysDown = new OutcomeEffect("campaign", 1, 5, -8, -2, NAN, NAN);
    Verdicts.Verdict v = Verdicts.decide(1, 0.05, List.of(rawUpButControlSaysDown), List.of());
    assertThat(v.verdict()).isEqualTo("inconclusive");
  }

  @Test
  void mixedTacticsAreInconclusive() {
    Verdicts.Verdict v =
        Verdicts.decide(1, 0.05, List.of(effect("a", 1, 2), effect("b", -3, -1)), List.of());
    assertThat(v.verdict()).isEqualTo("inconclusive");
    assertThat(v.reason()).contains("tactics disagree");
  }

  @Test
  void withoutTacticsOnlyASignificantNonTrendLeadSupports() {
    LeadEvidence strong = new LeadEvidence("page.fans", 2, 0.61, 0.003, false);
    LeadEvidence trendOnly = new LeadEvidence("page.fans", 0, 0.9, 0.0001, true);
    LeadEvidence weak = new LeadEvidence("page.fans", 1, 0.2, 0.2, false);
    Verdicts.Verdict v = Verdicts.decide(1, 0.05, List.of(), List.of(strong));
    assertThat(v.verdict()).isEqualTo("supported");
    assertThat(v.reason()).isEqualTo("page.fans leads by 2 windows (r = 0.61, q = 0.003)");
    assertThat(Verdicts.decide(1, 0.05, List.of(), List.of(trendOnly, weak)).verdict())
        .isEqualTo("inconclusive");
  }

  @Test
  void missingIntervalsNeverDecide() {
    assertThat(Verdicts.decide(1, 0.05, List.of(effect("a", NAN, NAN)), List.of()).verdict())
        .isEqualTo("inconclusive");
  }
}
