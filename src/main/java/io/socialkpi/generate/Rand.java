package io.socialkpi.generate;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** A seeded random source with the few draws the generator needs; one per file and purpose. */
final class Rand {
  private final RandomGenerator rng;

  Rand(long seed, String purpose) {
    this.rng = new Well19937c(seed * 1_000_003L + purpose.hashCode());
  }

  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    return new PoissonDistribution(
            rng,
            mean,
            PoissonDistribution.DEFAULT_EPSILON,
            PoissonDistribution.DEFAULT_MAX_ITERATIONS)
        .sample();
  }

  double normal(double mean, double sd) {
    return mean + sd * rng.nextGaussian();
  }

  double uniform(double from, double to) {
    return from + (to - from) * rng.nextDouble();
  }

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  int nextInt(int bound) {
    return rng.nextInt(bound);
  }

  /** Picks an index by weights. */
  int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
