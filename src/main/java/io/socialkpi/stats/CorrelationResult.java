package io.socialkpi.stats;

import java.io.Serializable;

/**
 * A correlation test: pairs used, coefficient, two-sided p-value and confidence interval. NaN means
 * "not available", and {@code note} then says why.
 *
 * @param n the number of complete pairs
 * @param nEffective the effective number of independent pairs N* behind the p-value and the
 *     interval, at most n (see {@link EffectiveSize}); NaN when not computed
 */
public record CorrelationResult(
    int n,
    double coefficient,
    double pValue,
    double ciLow,
    double ciHigh,
    String note,
    double nEffective)
    implements Serializable {

  static CorrelationResult missing(int n, String note) {
    return new CorrelationResult(
        n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, note, Double.NaN);
  }
}
