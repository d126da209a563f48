package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** BH against SciPy 1.17.1: {@code stats.false_discovery_control(p, method='bh')}. */
class MultipleTestingTest {
  @Test
  void benjaminiHochbergMatchesScipyAndIgnoresMissing() {
    double[] p = {0.01, 0.04, 0.03, 0.2, 0.5, 0.04, Double.NaN, 0.001};
    double[] q = MultipleTesting.benjaminiHochberg(p);
    double[] expected = {0.035, 0.056, 0.056, 0.23333333333333334, 0.5, 0.056, Double.NaN, 0.007};
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(expected[i])) {
        assertThat(q[i]).isNaN();
      } else {
        assertThat(q[i]).isCloseTo(expected[i], within(1e-12));
      }
    }
  }

  @Test
  void emptyAndAllMissing() {
    assertThat(MultipleTesting.benjaminiHochberg(new double[0])).isEmpty();
    assertThat(MultipleTesting.benjaminiHochberg(new double[] {Double.NaN})[0]).isNaN();
  }
}
