package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NumbersTest {
  static final String M = Numbers.MINUS;

  @Test
  void levelsKeepFewDigitsByMagnitude() {
    assertThat(Numbers.value(6293.4)).isEqualTo("6,293");
    assertThat(Numbers.value(123.5)).isEqualTo("124");
    assertThat(Numbers.value(23.84)).isEqualTo("23.8");
    assertThat(Numbers.value(4.081)).isEqualTo("4.08");
    assertThat(Numbers.value(-0.5)).isEqualTo(M + "0.50");
    assertThat(Numbers.value(null)).isEqualTo("n/a");
  }

  @Test
  void changesAndPercentagesCarryTheirSign() {
    assertThat(Numbers.signed(1766.2)).isEqualTo("+1,766");
    assertThat(Numbers.signed(-8.43)).isEqualTo(M + "8.43");
    assertThat(Numbers.signed(0.0)).isEqualTo("0.00");
    assertThat(Numbers.percent(0.5566)).isEqualTo("+56%");
    assertThat(Numbers.percent(-0.0071)).isEqualTo(M + "0.7%");
    assertThat(Numbers.percent(-0.16)).isEqualTo(M + "16%");
    assertThat(Numbers.share(0.7166)).isEqualTo("72%");
  }

  @Test
  void pValuesCoefficientsAndDates() {
    assertThat(Numbers.pValue("q", 4e-23)).isEqualTo("q < 0.001");
    assertThat(Numbers.pValue("p", 0.0327)).isEqualTo("p = 0.033");
    assertThat(Numbers.pValue("p", null)).isEqualTo("p n/a");
    assertThat(Numbers.coefficient(-0.6149)).isEqualTo(M + "0.61");
    assertThat(Numbers.date(LocalDate.of(2025, 3, 3))).isEqualTo("3 March 2025");
    assertThat(Numbers.count(71172)).isEqualTo("71,172");
  }

  @Test
  void markdownEscapingKeepsTextAsText() {
    assertThat(Templates.escapeMarkdown("<script>x</script> & p < 0.001 &amp;"))
        .isEqualTo("&lt;script>x&lt;/script> & p < 0.001 &amp;amp;");
    assertThat(Templates.escapeMarkdown("*bold* [link](x) `code` #1|2"))
        .isEqualTo("\\*bold\\* \\[link\\](x) \\`code\\` \\#1\\|2");
    assertThat(Templates.escapeMarkdown("two\nlines")).isEqualTo("two lines");
  }
}
