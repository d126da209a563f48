package io.socialkpi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.analysis.TacticFinding.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reasons a manager reads when the adjusted effect is missing (from the review). */
class VerdictReasonsTest {
  static final double NAN = Double.NaN;

  static String reason(String note, double adj, double p, double placeboP) {
    Evidence e = new Evidence("tab", 2, 6, adj, p, placeboP, note, false, NAN, NAN, NAN);
    return Verdicts.decide(1, 0.05, List.of(e), List.of()).reason();
  }

  /**
   * The note of SegmentedRegression is suffixed with " of tab", which reads "... (5 windows, need
   * 8) of tab", "... cannot be told apart of tab", "... is degenerate of tab".
   */
  @Test
  void missingAdjustedEffectReasonsAreSentences() {
    assertThat(
            reason(
                "too little history before the first launch to estimate the trend (5 windows,"
                    + " need 8)",
                NAN,
                NAN,
                NAN))
        .doesNotEndWith(") of tab");
    assertThat(
            reason(
                "launched in the same window as an earlier tactic: their effects cannot be told"
                    + " apart",
                NAN,
                NAN,
                NAN))
        .doesNotContain("told apart of tab");
    assertThat(reason("the segmented regression is degenerate", NAN, NAN, NAN))
        .doesNotContain("degenerate of tab");
    assertThat(
            reason(
                "too little history before the first launch for placebo launches (5, need 12)",
                4,
                0.001,
                NAN))
        .doesNotEndWith(") of tab");
  }
}
