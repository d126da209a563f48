package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values from SciPy 1.10.1 (Debian python3-scipy) by
 * src/test/resources/reference/relative_change_fieller.py ({@code /usr/bin/python3 <it>}): means
 * and standard errors with numpy ({@code ddof=1}), Welch df and {@code crit = scipy.stats.t.ppf((1
 * + conf) / 2, df)}, the difference's interval checked against {@code scipy.stats.ttest_ind(after,
 * before, equal_var=False)}, and the Fieller interval found by inverting the test {@code (mA −
 * θ·mB)² ≤ crit²·(seA² + θ²·seB²)} with {@code scipy.optimize.brentq} (roots on either side of θ =
 * mA/mB, xtol 1e-15), not by the closed form used here; then {@code rel = sign(mB)·(θ − 1)}.
 */
class RelativeChangeTest {
  static final double[] BEFORE = {20, 22, 19, 25, 21, 23, 18, 24};
  static final double[] AFTER = {30, 27, 33, 29, 31, 35, 28, 32};
  static final double TOL = 1e-9;

  @Test
  void fiellerFromABeforeAfterTestMatchesScipy() {
    // mB 21.5, mA 30.625, seB 0.8660254037844385, seA 0.9437293044088436,
    // df 13.897893030794167, crit 2.146265952834793.
    RelativeChange r = RelativeChange.of(BeforeAfter.compare(BEFORE, AFTER, 0.95));
    assertThat(r.estimate()).isCloseTo(0.42441860465116277, within(TOL));
    assertThat(r.ciLow()).isCloseTo(0.27914525431822024, within(TOL));
    assertThat(r.ciHigh()).isCloseTo(0.5911444171255784, within(TOL));
    assertThat(r.note()).isNull();
    // At 90%: crit 1.762224947731466.
    RelativeChange r90 = RelativeChange.of(BeforeAfter.compare(BEFORE, AFTER, 0.90));
    assertThat(r90.ciLow()).isCloseTo(0.30380203471250566, within(TOL));
    assertThat(r90.ciHigh()).isCloseTo(0.5594619217433732, within(TOL));
  }

  @Test
  void theIntervalIsWiderThanTheDifferencesIntervalOverTheBaseline() {
    // The old report's ci / mean_before: 6.375914806330814 / 21.5 to 11.874085193669185 / 21.5.
    RelativeChange r = RelativeChange.of(BeforeAfter.compare(BEFORE, AFTER, 0.95));
    assertThat(r.ciHigh() - r.ciLow())
        .isGreaterThan((11.874085193669185 - 6.375914806330814) / 21.5);
    // Fieller is asymmetric: longer on the side away from zero baseline.
    assertThat(r.ciHigh() - r.estimate()).isGreaterThan(r.estimate() - r.ciLow());
  }

  @Test
  void deltaMethodMatchesScipy() {
    // delta: rel ± crit·sqrt(seA² + θ²·seB²)/|mB|, same numpy/scipy inputs.
    RelativeChange d =
        RelativeChange.deltaMethod(
            21.5, 0.8660254037844385, 30.625, 0.9437293044088436, 2.146265952834793);
    assertThat(d.ciLow()).isCloseTo(0.26937089691129246, within(TOL));
    assertThat(d.ciHigh()).isCloseTo(0.5794663123910331, within(TOL));
  }

  @Test
  void aNegativeBaselineDividesByItsMagnitude() {
    // before {-0.25,-0.18,-0.2,-0.17,-0.2}, after {-0.1,-0.08,-0.09,-0.1,-0.08}: mB -0.2, mA -0.09,
    // crit 2.5975500248876555 (df 4.832876712328767); rel +0.55, Fieller [0.4331, 0.6371].
    RelativeChange r =
        RelativeChange.of(
            BeforeAfter.compare(
                new double[] {-0.25, -0.18, -0.2, -0.17, -0.2},
                new double[] {-0.1, -0.08, -0.09, -0.1, -0.08},
                0.95));
    assertThat(r.estimate()).isCloseTo(0.55, within(TOL));
    assertThat(r.ciLow()).isCloseTo(0.43305972066820153, within(TOL));
    assertThat(r.ciHigh()).isCloseTo(0.637140653075736, within(TOL));
  }

  @Test
  void aBaselineWhoseIntervalIncludesZeroHasAnUnboundedInterval() {
    // before {-1,2,0.5,-0.5,1.5}: mB 0.5, baseline CI [-0.868, 1.868] at crit 2.3998 (df 6.527);
    // the delta method would print -1340% to +2540% (SciPy: [-13.4024, 25.4024]).
    RelativeChange r =
        RelativeChange.of(
            BeforeAfter.compare(
                new double[] {-1, 2, 0.5, -0.5, 1.5}, new double[] {3, 4, 2, 5}, 0.95));
    assertThat(r.estimate()).isCloseTo(6.0, within(TOL));
    assertThat(r.ciLow()).isNaN();
    assertThat(r.ciHigh()).isNaN();
    assertThat(r.note()).contains("unbounded");
    RelativeChange d =
        RelativeChange.deltaMethod(
            0.5, 0.5700877125495689, 3.5, 0.6454972243679028, 2.399813448367342);
    assertThat(d.ciLow()).isCloseTo(-13.402408866803004, within(1e-9));
  }

  @Test
  void aZeroBaselineHasNoRelativeChange() {
    RelativeChange r = RelativeChange.fieller(0, 0.1, 3, 0.2, 2);
    assertThat(r.estimate()).isNaN();
    assertThat(r.ciLow()).isNaN();
    assertThat(RelativeChange.deltaMethod(0, 0.1, 3, 0.2, 2).ciHigh()).isNaN();
    // From data: a constant zero baseline.
    RelativeChange z =
        RelativeChange.of(
            BeforeAfter.compare(new double[] {0, 0, 0}, new double[] {1, 2, 3}, 0.95));
    assertThat(z.estimate()).isNaN();
    assertThat(z.ciLow()).isNaN();
  }

  @Test
  void nanAndSinglePointsGiveNoInterval() {
    assertThat(RelativeChange.fieller(Double.NaN, 0.1, 3, 0.2, 2).ciLow()).isNaN();
    assertThat(RelativeChange.fieller(2, Double.NaN, 3, 0.2, 2).ciLow()).isNaN();
    assertThat(RelativeChange.fieller(2, 0.1, 3, 0.2, Double.NaN).note()).isNotNull();
    // One window before: the test has no interval, so neither has the ratio.
    RelativeChange one =
        RelativeChange.of(BeforeAfter.compare(new double[] {4}, new double[] {5, 6, 7}, 0.95));
    assertThat(one.estimate()).isCloseTo(0.5, within(TOL));
    assertThat(one.ciLow()).isNaN();
    assertThat(one.ciHigh()).isNaN();
  }

  @Test
  void aCertainBaselineGivesTheDifferencesIntervalOverIt() {
    // se_before 0: Fieller reduces to (mA ± crit·seA)/mB − 1.
    RelativeChange r = RelativeChange.fieller(10, 0, 12, 0.5, 2);
    assertThat(r.ciLow()).isCloseTo(0.1, within(1e-12));
    assertThat(r.ciHigh()).isCloseTo(0.3, within(1e-12));
  }
}
