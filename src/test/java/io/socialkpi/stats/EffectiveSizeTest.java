package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.PublicData;
import org.junit.jupiter.api.Test;

/**
 * The effective sample size against NumPy 2.4 (and statsmodels 0.13 for the autocorrelations):
 *
 * <pre>
 * def acf(v, j):
 *     d = v - v.mean(); return np.sum(d[:-j] * d[j:]) / np.sum(d * d)
 * def neff(x, y):
 *     N = len(x)
 *     s = sum((N - j) / N * acf(x, j) * acf(y, j) for j in range(1, N // 5 + 1))
 *     return min(N, max(2.0, 1 / (1 / N + 2 / N * s)))
 * statsmodels.tsa.stattools.acf(x, adjusted=False, nlags=41, fft=False)
 * </pre>
 */
class EffectiveSizeTest {
  static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
  }

  @Test
  void robynWeeklySpendAndRevenue() {
    double[] x = PublicData.column("robyn/dt_simulated_weekly.csv", "facebook_S");
    double[] y = PublicData.column("robyn/dt_simulated_weekly.csv", "revenue");
    // statsmodels acf(x)[1], [2], [41] and acf(y)[1].
    close(EffectiveSize.acf(x, 1), -0.07993548839979943);
    close(EffectiveSize.acf(x, 2), 0.3835937623625528);
    close(EffectiveSize.acf(x, 41), 0.02784909440551392);
    close(EffectiveSize.acf(y, 1), 0.7952125810428519);
    // neff(x, y) = 67.12943243753338 of N = 208 weeks; on the ranks (scipy rankdata): 42.898...
    close(EffectiveSize.of(x, y), 67.12943243753338);
    close(EffectiveSize.of(Correlation.ranks(x), Correlation.ranks(y)), 42.898231713248215);
  }

  @Test
  void trendsCountAsAFewWindows() {
    // neff(arange(1, 11), arange(1, 11)) = 4.64306392761425: ten trending windows are worth ~5.
    double[] trend = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    close(EffectiveSize.of(trend, trend), 4.64306392761425);
    // Period-2 series: acf(x, 1) = -0.8, neff = 2.742125597537817.
    close(
        EffectiveSize.of(new double[] {1, 0, 1, 0, 1}, new double[] {5, 1, 4, 0, 6}),
        2.742125597537817);
  }

  @Test
  void neverMoreThanNAndNoLagsBelowFive() {
    // Opposite autocorrelations (alternating against trending) would give N* > N: clamped to N.
    double[] alternating = {1, -1, 1, -1, 1, -1, 1, -1, 1, -1};
    double[] trend = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(EffectiveSize.of(alternating, trend)).isEqualTo(10.0);
    // floor(4/5) = 0 lags: N* = N.
    assertThat(EffectiveSize.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}))
        .isEqualTo(4.0);
  }
}
