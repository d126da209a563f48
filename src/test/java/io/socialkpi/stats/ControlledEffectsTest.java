package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.PublicData;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Difference-in-differences and the counterfactual on CausalImpact's public data. Expected values
 * from NumPy 2 / SciPy 1.17.1 (the script is recorded in each test): {@code np.linalg.lstsq} for
 * the fit, {@code s2 * inv(X'X)} for the covariance, {@code stats.t} for quantiles and p-values.
 */
class ControlledEffectsTest {
  static final String COMPARISON = "causalimpact/comparison_data.csv";
  static final String VIGNETTE = "causalimpact/causalimpact_vignette_R_seed1.csv";

  static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  static int cut(List<String> dates, String day) {
    return dates.indexOf(day);
  }

  @Test
  void differenceInDifferencesOnComparisonData() {
    // X = [1, post, treated, post*treated] over stacked CHANGED and NOT_CHANGED_1, cut 2019-07-15;
    // beta, *_ = np.linalg.lstsq(X, Y); se = sqrt((s2 * inv(X.T @ X))[3, 3]); t on n - 4 df.
    List<String> dates = PublicData.text(COMPARISON, "DATE");
    double[] y = PublicData.column(COMPARISON, "CHANGED");
    double[] c = PublicData.column(COMPARISON, "NOT_CHANGED_1");
    int cut = cut(dates, "2019-07-15");
    DiffInDiffResult r =
        DiffInDiff.estimate(
            Arrays.copyOfRange(y, 0, cut),
            Arrays.copyOfRange(y, cut, y.length),
            Arrays.copyOfRange(c, 0, cut),
            Arrays.copyOfRange(c, cut, c.length),
            0.95);
    close(r.estimate(), 849.5833333333214);
    close(r.stdError(), 2313.0448139218342);
    close(r.tStat(), 0.367300853065976);
    assertThat(r.df()).isEqualTo(212);
    close(r.pValue(), 0.7137610093314212);
    close(r.ciLow(), -3709.9299546547472);
    close(r.ciHigh(), 5409.09662132139);
    // The estimate is the difference of the two before/after changes.
    double manual =
        (mean(y, cut, y.length) - mean(y, 0, cut)) - (mean(c, cut, c.length) - mean(c, 0, cut));
    assertThat(r.estimate()).isCloseTo(manual, within(1e-6));
  }

  @Test
  void counterfactualWithControlTrendAndWeekdaysOnComparisonData() {
    // design row [1, NOT_CHANGED_1, t, weekday dummies Tue..Sun]; pre = before 2019-07-15.
    // Published (tfcausalimpact README): actual average 78574.42, cumulative 1414339.5.
    List<String> dates = PublicData.text(COMPARISON, "DATE");
    double[] y = PublicData.column(COMPARISON, "CHANGED");
    double[] c = PublicData.column(COMPARISON, "NOT_CHANGED_1");
    int[] dow =
        dates.stream().mapToInt(d -> LocalDate.parse(d).getDayOfWeek().getValue()).toArray();
    int cut = cut(dates, "2019-07-15");
    CounterfactualResult r =
        Counterfactual.estimate(
            Arrays.copyOfRange(y, 0, cut),
            Arrays.copyOfRange(c, 0, cut),
            Arrays.copyOfRange(dow, 0, cut),
            Arrays.copyOfRange(y, cut, y.length),
            Arrays.copyOfRange(c, cut, c.length),
            Arrays.copyOfRange(dow, cut, dow.length),
            0.95);
    assertThat(r.nPre()).isEqualTo(90);
    assertThat(r.nPost()).isEqualTo(18);
    assertThat(r.actualMean()).isCloseTo(78574.42, within(0.005));
    assertThat(r.actualMean() * r.nPost()).isCloseTo(1414339.5, within(0.05));
    close(r.predictedMean(), 80329.76848373991);
    close(r.averageEffect(), -1755.3518170732423);
    close(r.cumulativeEffect(), -31596.33270731836);
    close(r.relativeEffect(), -0.021851822185054035);
    close(r.ciLow(), -3541.9941848839526);
    close(r.ciHigh(), 31.290550737468266);
    close(r.pValue(), 0.054051591812576225);
  }

  @Test
  void counterfactualRecoversTheVignettesInjectedTen() {
    // y = 1.2 x1 + noise, +10 from 2014-03-12 (index 70). Published: actual average 117,
    // cumulative 3511. design row [1, x1, t]; no weekday terms.
    double[] y = PublicData.column(VIGNETTE, "y");
    double[] x = PublicData.column(VIGNETTE, "x1");
    CounterfactualResult r =
        Counterfactual.estimate(
            Arrays.copyOfRange(y, 0, 70),
            Arrays.copyOfRange(x, 0, 70),
            null,
            Arrays.copyOfRange(y, 70, 100),
            Arrays.copyOfRange(x, 70, 100),
            null,
            0.95);
    assertThat(r.actualMean()).isCloseTo(117, within(0.5));
    assertThat(r.actualMean() * r.nPost()).isCloseTo(3511, within(0.5));
    close(r.predictedMean(), 106.042651387079);
    close(r.averageEffect(), 11.00586544532861);
    close(r.ciLow(), 10.121816884434732);
    close(r.ciHigh(), 11.889914006222487);
    close(r.pValue(), 1.5774390936030304e-35);
  }

  @Test
  void degenerateInputs() {
    assertThat(
            DiffInDiff.estimate(
                    new double[] {1, 2}, new double[0], new double[] {1}, new double[] {2}, 0.95)
                .note())
        .isEqualTo("a period without values for the outcome or the control");
    assertThat(
            Counterfactual.estimate(
                    new double[] {1, 2}, null, null, new double[] {3}, null, null, 0.95)
                .note())
        .isEqualTo("too few windows before the launch to fit");
    assertThat(
            Counterfactual.estimate(
                    new double[] {1, 2, 3, 4}, null, null, new double[0], null, null, 0.95)
                .note())
        .isEqualTo("no windows after the launch");
    CounterfactualResult trendOnly =
        Counterfactual.estimate(
            new double[] {1, 2, 3, 4, 5.5}, null, null, new double[] {9, 10}, null, null, 0.95);
    assertThat(trendOnly.averageEffect()).isPositive();
  }

  static double mean(double[] v, int from, int to) {
    return Arrays.stream(v, from, to).average().orElseThrow();
  }
}
