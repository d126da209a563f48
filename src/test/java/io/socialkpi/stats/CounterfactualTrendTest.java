package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The counterfactual's trend index and the precision of its least-squares fit. */
class CounterfactualTrendTest {
  // rng = np.random.default_rng(3); t = arange(60); c = round(5e7 + 1000 t + N(0, 3), 1);
  // y = round(0.002 c + 3 t + N(0, 2), 3): a large, slowly growing control next to a trend.
  static final double[] CONTROL = {
    50000006.1,
    50000992.3,
    50002001.3,
    50002998.3,
    50003998.6,
    50004999.4,
    50005993.9,
    50006999.3,
    50007997.4,
    50009010.0,
    50010000.7,
    50010998.9,
    50011999.2,
    50012998.0,
    50013996.8,
    50014998.8,
    50016001.4,
    50016999.3,
    50018002.9,
    50018999.4,
    50020000.1,
    50021004.6,
    50022001.6,
    50022998.5,
    50023999.5,
    50025001.6,
    50026005.8,
    50026999.2,
    50027999.3,
    50029003.0,
    50029997.3,
    50030999.1,
    50032002.6,
    50033001.7,
    50034000.3,
    50035002.0,
    50035991.5,
    50037003.1,
    50037997.1,
    50038995.0,
    50040000.8,
    50041002.1,
    50041998.7,
    50042996.8,
    50044000.1,
    50044999.8,
    50046004.2,
    50047002.2,
    50048000.6,
    50049003.3,
    50049999.4,
    50050997.2,
    50052001.8,
    50053001.7,
    50053999.4,
    50054997.7,
    50056000.7,
    50056992.5,
    50058002.1,
    50059001.5
  };
  static final double[] Y = {
    99996.734,
    100005.107,
    100008.074,
    100016.511,
    100015.929,
    100023.17,
    100031.407,
    100037.311,
    100035.679,
    100044.024,
    100050.657,
    100053.779,
    100063.18,
    100062.614,
    100070.703,
    100072.901,
    100082.815,
    100084.955,
    100089.261,
    100091.562,
    100103.364,
    100106.515,
    100111.51,
    100117.273,
    100120.697,
    100123.725,
    100128.411,
    100133.398,
    100142.739,
    100142.085,
    100148.802,
    100154.356,
    100160.454,
    100166.154,
    100167.502,
    100171.544,
    100179.974,
    100187.433,
    100191.508,
    100195.421,
    100199.367,
    100205.591,
    100209.511,
    100216.628,
    100218.411,
    100225.268,
    100229.787,
    100236.091,
    100240.45,
    100250.107,
    100252.996,
    100257.988,
    100255.925,
    100264.323,
    100268.782,
    100276.061,
    100275.443,
    100287.334,
    100292.138,
    100292.399
  };

  @Test
  void rampUpWindowsMoveTheTrendIndexOfThePrediction() {
    // A pure trend, 5 ramp-up windows left out: the after period starts at index 45, not 40.
    double[] y = IntStream.range(0, 80).mapToDouble(i -> 10 + 1.0 * i).toArray();
    CounterfactualResult r =
        Counterfactual.estimate(
            Arrays.copyOfRange(y, 0, 40),
            null,
            null,
            Arrays.copyOfRange(y, 45, 80),
            null,
            null,
            45,
            0.95);
    assertThat(r.averageEffect()).isCloseTo(0, within(1e-9));
    assertThat(r.predictedMean()).isCloseTo(r.actualMean(), within(1e-9));
  }

  @Test
  void leastSquaresByQrKeepsDigitsWithALargeControl() {
    // X = [1, c, t] over the first 40 windows (condition number 7.2e14). Exact rational solution
    // of the normal equations (sympy Matrix of Fractions, LUsolve): effect = y[40:].mean() -
    // mean(Xpost b) = -0.2761442119614635, prediction 100248.00614421196. (np.linalg.lstsq on the
    // raw columns gives -0.29756, and the normal equations in floating point -0.27953: both lose
    // digits; centred columns give -0.2761442122.)
    double[] t = IntStream.range(0, 60).mapToDouble(i -> i).toArray();
    LeastSquares fit =
        LeastSquares.fit(
            IntStream.range(0, 40)
                .mapToObj(i -> new double[] {1, CONTROL[i], t[i]})
                .toArray(double[][]::new),
            Arrays.copyOfRange(Y, 0, 40));
    double predicted = 0;
    double actual = 0;
    for (int i = 40; i < 60; i++) {
      predicted += fit.predict(new double[] {1, CONTROL[i], t[i]}) / 20;
      actual += Y[i] / 20;
    }
    assertThat(actual - predicted).isCloseTo(-0.2761442119614635, within(1e-6));
    assertThat(predicted).isCloseTo(100248.00614421196, within(100248.0 * 1e-11));
  }
}
