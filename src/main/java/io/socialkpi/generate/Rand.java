package io.socialkpi.generate;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;

/**
 * A seeded random source with the few draws the generator needs. One is made per purpose, region
 * and day from the seed alone, so no draw depends on how many were made before for another file,
 * region or day, and nothing has to be kept per region between days. FastMath (pure Java) keeps the
 * draws identical on every platform.
 */
final class Rand {
  private final SplittableRandom rng;

  private Rand(long seed) {
    this.rng = new SplittableRandom(seed);
  }

  /** The source for one purpose (a file or latent series), region and day. */
  static Rand of(long seed, String purpose, int region, int day) {
    return new Rand(streamSeed(seed, purpose.hashCode(), region, day));
  }

  /**
   * The seed of one stream: {@code seed} and then each part folded in through {@link #mix}, so
   * streams whose parts differ in a single value are still unrelated.
   */
  static long streamSeed(long seed, long... parts) {
    long h = mix(seed);
    for (long part : parts) {
      h = mix(h ^ part);
    }
    return h;
  }

  /** SplitMix64's finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double nextDouble() {
    return rng.nextDouble();
  }

  int nextInt(int bound) {
    return rng.nextInt(bound);
  }

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  double uniform(double from, double to) {
    return from + (to - from) * rng.nextDouble();
  }

  /** Box-Muller; one value per call keeps the sequence simple to reason about. */
  double normal(double mean, double sd) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return mean + sd * FastMath.sqrt(-2 * FastMath.log(u)) * FastMath.cos(2 * Math.PI * v);
  }

  double logNormal(double mu, double sigma) {
    return FastMath.exp(normal(mu, sigma));
  }

  /** A Poisson count: inversion for small means, Hörmann's PTRS (as in NumPy) for large ones. */
  int poisson(double mean) {
    if (!(mean > 0)) {
      return 0;
    }
    if (mean < 10) {
      double p = FastMath.exp(-mean);
      double cumulative = p;
      double u = rng.nextDouble();
      int k = 0;
      while (u > cumulative && k < 1000) {
        k++;
        p *= mean / k;
        cumulative += p;
      }
      return k;
    }
    return ptrs(mean);
  }

  private int ptrs(double lambda) {
    double slam = FastMath.sqrt(lambda);
    double loglam = FastMath.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - FastMath.abs(u);
      long k = (long) FastMath.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return (int) k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double lhs = FastMath.log(v) + FastMath.log(invalpha) - FastMath.log(a / (us * us) + b);
      if (lhs <= -lambda + k * loglam - Gamma.logGamma(k + 1.0)) {
        return (int) k;
      }
    }
  }

  /** An index drawn with probability proportional to {@code weights}. */
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
