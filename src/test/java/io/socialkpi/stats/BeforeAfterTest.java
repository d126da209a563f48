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
}
