package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.PublicData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Before/after statistics against SciPy 1.17.1:
 *
 * <pre>
 * t = stats.ttest_ind(after, before, equal_var=False); t.confidence_interval(0.95)
 * stats.mannwhitneyu(after, before, alternative='two-sided', method='asymptotic', use_continuity=True)
 * # Hedges g: (mean_a - mean_b) / pooled_sd * (1 - 3 / (4 (n1 + n2) - 9))
 * </pre>
 */
class BeforeAfterTest {
  static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  @Test
  void robynRevenueAroundWeek104() {
    double[] revenue = PublicData.column("robyn/dt_simulated_weekly.csv", "revenue");
    TwoSampleResult r =
        BeforeAfter.compare(
            Arrays.copyOfRange(revenue, 0, 104), Arrays.copyOfRange(revenue, 104, 208), 0.95);
    close(r.tStat(), 0.14136992803036516);
    close(r.df(), 205.47755051836108);
    close(r.pValue(), 0.887716212030838);
    close(r.ciLow(), -182213.49935672394);
    close(r.ciHigh(), 210362.79422851847);
    close(r.mannWhitneyP(), 0.8800446776178558);
  }

  @Test
  void facebookLikesPaidVersusUnpaidWithMissingValuesAndTies() {
    String fb = "facebook/dataset_Facebook_rsw0_withType.csv";
    double[] like = PublicData.column(fb, "like");
    double[] paid = PublicData.column(fb, "Paid");
    double[] unpaidLikes = select(like, paid, 0);
    double[] paidLikes = select(like, paid, 1);
    TwoSampleResult r = BeforeAfter.compare(unpaidLikes, paidLikes, 0.95);
    assertThat(r.nBefore()).isEqualTo(359);
    assertThat(r.nAfter()).isEqualTo(139);
    close(r.tStat(), 1.824490721115131);
    close(r.df(), 159.3668015083367);
    close(r.pValue(), 0.06995072279510875);
    close(r.ciLow(), -6.5813761463210625);
    close(r.ciHigh(), 166.18274686033482);
    close(r.mannWhitneyP(), 0.006923599698433657);
    close(r.hedgesG(), 0.24742621437867152);
    assertThat(r.relChange()).isCloseTo(r.absChange() / r.meanBefore(), within(1e-15));
  }

  /** Values of {@code values} where {@code group == g}; NaN in either drops the row (NaN != g). */
  static double[] select(double[] values, double[] group, double g) {
    return java.util.stream.IntStream.range(0, values.length)
        .filter(i -> group[i] == g)
        .mapToDouble(i -> values[i])
        .toArray();
  }

  @Test
  void degenerateSides() {
    TwoSampleResult empty = BeforeAfter.compare(new double[0], new double[] {1, 2, 3}, 0.95);
    assertThat(empty.note()).isEqualTo("no windows on one side of the launch");
    assertThat(empty.absChange()).isNaN();
    assertThat(empty.meanAfter()).isEqualTo(2.0);
    TwoSampleResult single = BeforeAfter.compare(new double[] {4}, new double[] {1, 2, 3}, 0.95);
    assertThat(single.note()).isEqualTo("fewer than 2 windows on one side of the launch");
    assertThat(single.absChange()).isEqualTo(-2.0);
    TwoSampleResult flat = BeforeAfter.compare(new double[] {5, 5, 5}, new double[] {7, 7}, 0.95);
    assertThat(flat.note()).isEqualTo("no variation before or after the launch");
    assertThat(flat.tStat()).isNaN();
    assertThat(flat.absChange()).isEqualTo(2.0);
    TwoSampleResult zeroBase =
        BeforeAfter.compare(new double[] {0, 0, Double.NaN}, new double[] {1, 3}, 0.95);
    assertThat(zeroBase.relChange()).isNaN();
    assertThat(zeroBase.nBefore()).isEqualTo(2);
  }

  @Test
  void mannWhitneyKeepsSmallPValues() {
    // before = 0..41, after = 42..83: stats.mannwhitneyu(after, before, method='asymptotic')
    // .pvalue = 3.1214399276141905e-15 (2 * (1 - Phi(z)) loses the digits).
    double[] before = new double[42];
    double[] after = new double[42];
    for (int i = 0; i < 42; i++) {
      before[i] = i;
      after[i] = 42 + i;
    }
    close(BeforeAfter.compare(before, after, 0.95).mannWhitneyP(), 3.1214399276141905e-15);
  }

  @Test
  void mannWhitneyExactForSmallSamplesWithoutTies() {
    // stats.mannwhitneyu(after, before, method='exact').pvalue = 0.01767676767676768 (also 'auto');
    // method='asymptotic' would give 0.022990394092464894.
    double[] before = {1.1, 2.3, 0.4, 3.8, 2.9, 1.7, 0.2};
    double[] after = {3.5, 4.1, 2.6, 5.0, 4.4};
    close(BeforeAfter.compare(before, after, 0.95).mannWhitneyP(), 0.01767676767676768);
    // 30 against 4 (b30 = np.round(default_rng(3).normal(10, 2, 30), 3)): exact, as 'auto',
    // 0.09302225288942557 (asymptotic: 0.09223080127089157).
    double[] b30 = {
      14.082, 4.889, 10.836, 8.864, 9.095, 9.569, 5.96, 9.536, 8.27, 16.646, 10.452, 9.295, 9.437,
      8.664, 7.89, 9.218, 10.964, 9.523, 11.916, 9.6, 10.049, 13.092, 11.09, 8.99, 9.634, 11.081,
      13.87, 9.461, 9.513, 12.005
    };
    double[] a4 = {13.1, 12.7, 9.4, 14.2};
    close(BeforeAfter.compare(b30, a4, 0.95).mannWhitneyP(), 0.09302225288942557);
    // Ties keep the asymptotic method, as 'auto': mannwhitneyu([3,5,6,7], [1,2,2,3,4]).pvalue
    // = 0.04814019958202192.
    close(
        BeforeAfter.compare(new double[] {1, 2, 2, 3, 4}, new double[] {3, 5, 6, 7}, 0.95)
            .mannWhitneyP(),
        0.04814019958202192);
    // The exact null distribution sums to 1: P(U <= n1 n2) = 1.
    assertThat(BeforeAfter.uCdf(5, 7, 35)).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void relativeChangeHasTheSignOfTheChange() {
    // -0.20 -> -0.09 is a rise: (mean_after - mean_before) / |mean_before| = 0.55.
    TwoSampleResult r =
        BeforeAfter.compare(new double[] {-0.21, -0.19}, new double[] {-0.08, -0.10}, 0.95);
    assertThat(r.absChange()).isPositive();
    assertThat(r.relChange()).isCloseTo(0.55, within(1e-12));
    // A positive baseline as before: 10 -> 8 is -20%.
    assertThat(BeforeAfter.compare(new double[] {9, 11}, new double[] {7, 9}, 0.95).relChange())
        .isCloseTo(-0.2, within(1e-15));
    // A baseline that is 0 up to rounding (0.1 + 0.2 - 0.3 = 5.55e-17): no relative change.
    assertThat(
            BeforeAfter.compare(new double[] {0.1, 0.2, -0.3}, new double[] {1, 2}, 0.95)
                .relChange())
        .isNaN();
  }

  @Test
  void oneFlatSideIsNamed() {
    // stats.ttest_ind([6,7,8], [5,5,5], equal_var=False): t = 3.464101615137755, df = 2.0,
    // p = 0.07417990022744854, CI (-0.4841377117503298, 4.48413771175033).
    TwoSampleResult r = BeforeAfter.compare(new double[] {5, 5, 5}, new double[] {6, 7, 8}, 0.95);
    assertThat(r.note())
        .isEqualTo(
            "no variation before the launch: the interval reflects the after period's spread only");
    close(r.tStat(), 3.464101615137755);
    close(r.df(), 2.0);
    close(r.pValue(), 0.07417990022744854);
    close(r.ciLow(), -0.4841377117503298);
    close(r.ciHigh(), 4.48413771175033);
    // ttest_ind([9,9,9,9], [5,6,8], equal_var=False): t = 3.0237157840738185, df = 2.0,
    // p = 0.09417837268432336, CI (-1.127916366930092, 6.461249700263426).
    TwoSampleResult flatAfter =
        BeforeAfter.compare(new double[] {5, 6, 8}, new double[] {9, 9, 9, 9}, 0.95);
    assertThat(flatAfter.note())
        .isEqualTo(
            "no variation after the launch: the interval reflects the before period's spread only");
    close(flatAfter.pValue(), 0.09417837268432336);
    close(flatAfter.ciLow(), -1.127916366930092);
    close(flatAfter.ciHigh(), 6.461249700263426);
  }

  @Test
  void nearConstantSidesAreFlat() {
    double[] rounding = {0.6, 0.6000000000000001, 0.6};
    TwoSampleResult both =
        BeforeAfter.compare(rounding, new double[] {0.7, 0.7000000000000001, 0.7}, 0.95);
    assertThat(both.note()).isEqualTo("no variation before or after the launch");
    assertThat(both.tStat()).isNaN();
    assertThat(both.sdBefore()).isZero();
    TwoSampleResult before = BeforeAfter.compare(rounding, new double[] {0.7, 0.8, 0.9}, 0.95);
    assertThat(before.note()).startsWith("no variation before the launch");
    assertThat(before.sdBefore()).isZero();
    assertThat(before.df()).isEqualTo(2.0);
  }
}
