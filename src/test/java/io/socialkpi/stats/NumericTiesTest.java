package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Values equal to 12 significant digits are ties for the rank statistics, so that a window mean
 * whose last bits depend on the order of addition ranks the same however the job added it.
 */
class NumericTiesTest {
  @Test
  void valuesWithinTwelveSignificantDigitsBecomeOneValue() {
    double a = 0.088;
    double b = Math.nextUp(Math.nextUp(0.088));
    assertThat(NumericTies.snapped(new double[] {b, 3.0, a, Double.NaN, -1.0, 3.0 + 1e-9}))
        .containsExactly(a, 3.0, a, Double.NaN, -1.0, 3.0 + 1e-9);
    assertThat(NumericTies.snapped(new double[] {})).isEmpty();
    // An overflowed window stays apart from the finite values (found by the review).
    assertThat(
            NumericTies.snapped(
                new double[] {Double.NEGATIVE_INFINITY, 1, 2, Double.POSITIVE_INFINITY}))
        .containsExactly(Double.NEGATIVE_INFINITY, 1, 2, Double.POSITIVE_INFINITY);
    assertThat(NumericTies.snapped(new double[] {0.0, -0.0})).hasSize(2);
  }

  @Test
  void rankCorrelationsSeeTheSameTieWhateverTheLastBits() {
    // The sample's weekly mean sentiment: two weeks at exactly 0.088, one computed 1 ulp off.
    double[] x = {0.088, 0.12, 0.05, 0.088, 0.2, 0.01, 0.07, 0.15, 0.11, 0.09, 0.03, 0.06};
    double[] y = {3.1, 3.5, 2.9, 3.0, 3.9, 2.5, 2.8, 3.6, 3.2, 3.3, 2.7, 2.6};
    double[] off = x.clone();
    off[3] = Math.nextUp(off[3]);
    CorrelationResult exact = Correlation.kendall(x, y, 0.95);
    CorrelationResult noisy = Correlation.kendall(off, y, 0.95);
    assertThat(noisy.coefficient()).isCloseTo(exact.coefficient(), within(1e-15));
    assertThat(noisy.pValue()).isCloseTo(exact.pValue(), within(1e-15));
    CorrelationResult rho = Correlation.spearman(x, y, 0.95);
    assertThat(Correlation.spearman(off, y, 0.95).coefficient())
        .isCloseTo(rho.coefficient(), within(1e-15));
  }

  @Test
  void mannWhitneySeesTheTieToo() {
    double[] before = {0.088, 0.12, 0.05, 0.07};
    double[] after = {0.2, 0.088, 0.15, 0.11};
    double[] afterOff = after.clone();
    afterOff[1] = Math.nextDown(afterOff[1]);
    assertThat(BeforeAfter.mannWhitneyP(before, afterOff))
        .isCloseTo(BeforeAfter.mannWhitneyP(before, after), within(1e-15));
  }
}
