package io.socialkpi.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one sentence builder and number format both layers use. */
class SentencesTest {
  static final String M = NumberFormats.MINUS;

  @Test
  void theBeforeAfterSentenceIsTheSameForTheTablesAndTheReport() {
    assertThat(
            Sentences.beforeAfter(
                "Applications",
                "15.3",
                "23.8",
                8.5,
                "a week",
                "the jobs tab",
                LocalDate.of(2025, 3, 3)))
        .isEqualTo(
            "Applications rose from 15.3 to 23.8 a week after the jobs tab launched on 3 March 2025");
    assertThat(Sentences.beforeAfter("x", "2.00", "1.00", -1.0, "a window", "t", null))
        .isEqualTo("x fell from 2.00 to 1.00 a window after t launched on n/a");
    assertThat(Sentences.beforeAfter("x", "2.00", "2.00", Double.NaN, "a day", "t", null))
        .contains("held");
  }

  @Test
  void leadTextAndPrefix() {
    assertThat(Sentences.leadText("page.fans", 2, "pearson", 0.61, 0.003))
        .isEqualTo("page.fans leads by 2 windows (r = 0.61, q = 0.003)");
    assertThat(Sentences.leadText("m", 1, "spearman", -0.7, 0.0004))
        .isEqualTo("m leads by 1 window (\u03c1 = " + M + "0.70, q < 0.001)");
    // A lead of no windows leads nothing: it moves in the same window.
    assertThat(Sentences.leadText("m", 0, "pearson", 0.5, 0.01))
        .isEqualTo("m moves with the outcome in the same window (r = 0.50, q = 0.010)");
    assertThat(Sentences.leadTiming("sales", "week", 0))
        .isEqualTo("moves with sales in the same week");
    assertThat(Sentences.leadTiming("sales", "week", 3)).isEqualTo("leads sales by 3 weeks");
    assertThat(Sentences.verdictPrefix("supported")).isEqualTo("Supported. ");
    assertThat(Sentences.verdictPrefix(null)).isEmpty();
  }

  @Test
  void theAdjustedChangeSaysWhatTheModelTookOut() {
    assertThat(
            Sentences.adjustedChange(
                "sales", "outcome-minus-control+weekday", "+120", "a week", "tab"))
        .isEqualTo(
            "beyond the trend before the launch, the weekday pattern and the control, sales changed"
                + " by +120 a week at the launch of tab");
    assertThat(Sentences.adjustedChange("sales", null, M + "3.50", "a day", "tab"))
        .isEqualTo(
            "beyond the trend before the launch, sales changed by "
                + M
                + "3.50 a day at the"
                + " launch of tab");
  }

  @Test
  void numbersNaNAndNullReadNotAvailable() {
    assertThat(NumberFormats.value(Double.NaN)).isEqualTo("n/a");
    assertThat(NumberFormats.percent(null)).isEqualTo("n/a");
    assertThat(NumberFormats.signed(-1234.4)).isEqualTo(M + "1,234");
    assertThat(NumberFormats.percent(0.0549)).isEqualTo("+5.5%");
    assertThat(NumberFormats.pValue("q", Double.NaN)).isEqualTo("q n/a");
  }
}
