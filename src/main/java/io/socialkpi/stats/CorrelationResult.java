package io.socialkpi.stats;

import java.io.Serializable;

/**
 * A correlation test: pairs used, coefficient, two-sided p-value and confidence interval. NaN means
 * "not available", and {@code note} then says why.
 */
public record CorrelationResult(
    int n, double coefficient, double pValue, double ciLow, double ciHigh, String note)
    implements Serializable {

  static CorrelationResult missing(int n, String note) {
    return new CorrelationResult(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, note);
  }
}
