package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/** The hand-written draws have the moments they promise, and a seed gives one sequence only. */
class RandTest {
  static SummaryStatistics poisson(double mean, int n) {
    Rand rand = Rand.of(1, "test", 0, 0);
    SummaryStatistics s = new SummaryStatistics();
    for (int i = 0; i < n; i++) {
      s.addValue(rand.poisson(mean));
    }
    return s;
  }

  @Test
  void poissonMeanEqualsVarianceForSmallAndLargeMeans() {
    for (double mean : new double[] {0.7, 6, 10, 45, 5000}) {
      SummaryStatistics s = poisson(mean, 200_000);
      assertThat(s.getMean()).as("mean %s", mean).isCloseTo(mean, within(0.01 * mean + 0.01));
      assertThat(s.getVariance()).as("variance %s", mean).isCloseTo(mean, within(0.03 * mean));
    }
    assertThat(poisson(0, 10).getMax()).isZero();
  }

  @Test
  void normalHasItsMeanAndSd() {
    Rand rand = Rand.of(2, "test", 0, 0);
    SummaryStatistics s = new SummaryStatistics();
    for (int i = 0; i < 200_000; i++) {
      s.addValue(rand.normal(3, 2));
    }
    assertThat(s.getMean()).isCloseTo(3, within(0.02));
    assertThat(s.getStandardDeviation()).isCloseTo(2, within(0.02));
  }

  @Test
  void theSameSeedPurposeRegionAndDayGiveTheSameDraws() {
    assertThat(Rand.of(5, "a", 1, 2).nextDouble()).isEqualTo(Rand.of(5, "a", 1, 2).nextDouble());
    assertThat(Rand.of(5, "a", 1, 2).nextDouble()).isNotEqualTo(Rand.of(5, "a", 1, 3).nextDouble());
    assertThat(Rand.of(5, "a", 1, 2).nextDouble()).isNotEqualTo(Rand.of(5, "a", 2, 2).nextDouble());
    assertThat(Rand.of(5, "a", 1, 2).nextDouble()).isNotEqualTo(Rand.of(6, "a", 1, 2).nextDouble());
  }
}
