package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Review: the before/after sentence on a negative baseline. */
class ReviewNarrativeTest {
  /**
   * rel_change is now abs_change / |mean_before| (−0.20 → −0.09 is +55%), but the sentence still
   * divides the interval by the signed mean_before: "+55%, CI −40% to −70%", an interval that does
   * not contain its own estimate.
   */
  @Test
  void aNegativeBaselineKeepsTheIntervalAroundItsEstimate() {
    Facts.Effect raw = NarrativeTest.effect(-0.20, -0.09, 9, null);
    // change 0.11, rel_change as the table writes it (over |mean_before|), CI 0.11 -+ 0.03
    Facts.Effect e =
        new Facts.Effect(
            raw.tacticId(),
            raw.metric(),
            raw.role(),
            raw.launched(),
            raw.beforeStart(),
            raw.beforeEnd(),
            raw.afterStart(),
            raw.afterEnd(),
            raw.nBefore(),
            raw.nAfter(),
            -0.20,
            -0.09,
            0.11,
            0.11 / 0.20,
            0.0002,
            0.08,
            0.14,
            1.2,
            0.001,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            raw.adjusted());
    String s =
        new NarrativeTest()
            .narrative.effectSentence(NarrativeTest.objective(List.of(), 25.0, false), e);
    assertThat(s).contains("rose").contains("+55%").contains("CI +40% to +70%");
  }
}
