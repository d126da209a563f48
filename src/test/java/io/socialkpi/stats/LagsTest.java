package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.PublicData;
import org.junit.jupiter.api.Test;

/**
 * The lag convention: lag k pairs lead[t] with outcome[t + k], as pandas {@code
 * outcome.corr(lead.shift(k))}. Expected values from SciPy 1.17.1 on Robyn's weekly data: {@code
 * stats.pearsonr(x[:len(x)-k], y[k:])} with x = facebook_S, y = revenue: the textbook test for
 * independent pairs (the autocorrelation-adjusted p-values are tested in {@link CorrelationTest}).
 */
class LagsTest {
  @Test
  void robynFacebookSpendLeadsRevenue() {
    double[] spend = PublicData.column("robyn/dt_simulated_weekly.csv", "facebook_S");
    double[] revenue = PublicData.column("robyn/dt_simulated_weekly.csv", "revenue");
    double[][] expected = {
      {0, 208, 0.31759429679170836, 2.9481892681068693e-06},
      {1, 207, 0.269543998324779, 8.582637016851262e-05},
      {2, 206, 0.20999115941655017, 0.002449985994857259}
    };
    for (double[] e : expected) {
      double[][] pairs = Lags.align(spend, revenue, (int) e[0]);
      CorrelationResult r =
          Correlation.pearson(pairs[0], pairs[1], 0.95, Correlation.Inference.TEXTBOOK);
      assertThat(r.n()).isEqualTo((int) e[1]);
      assertThat(r.coefficient()).isCloseTo(e[2], within(e[2] * 1e-9));
      assertThat(r.pValue()).isCloseTo(e[3], within(e[3] * 1e-9));
    }
  }

  @Test
  void alignShiftsTheOutcomeForward() {
    double[][] p = Lags.align(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}, 1);
    assertThat(p[0]).containsExactly(1, 2, 3);
    assertThat(p[1]).containsExactly(20, 30, 40);
    double[][] none = Lags.align(new double[] {1, 2}, new double[] {10, 20}, 5);
    assertThat(none[0]).isEmpty();
    assertThat(none[1]).isEmpty();
  }

  @Test
  void diffKeepsMissingValuesMissing() {
    assertThat(Lags.diff(new double[] {1, 4, Double.NaN, 10}))
        .containsExactly(3, Double.NaN, Double.NaN);
    assertThat(Lags.diff(new double[] {5})).isEmpty();
    assertThat(Lags.diff(new double[0])).isEmpty();
  }
}
