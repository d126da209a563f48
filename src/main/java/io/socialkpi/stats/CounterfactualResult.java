package io.socialkpi.stats;

import java.io.Serializable;

/**
 * What the outcome would have been after a launch without it, fitted on the pre-period, and the
 * effect: actual minus predicted. NaN when not available; {@code note} then says why.
 *
 * @param averageEffect mean over the post windows of actual minus predicted
 * @param cumulativeEffect the sum of the same
 * @param ciLow lower bound of the prediction interval of the average effect
 */
public record CounterfactualResult(
    int nPre,
    int nPost,
    double actualMean,
    double predictedMean,
    double averageEffect,
    double cumulativeEffect,
    double relativeEffect,
    double ciLow,
    double ciHigh,
    double pValue,
    String note)
    implements Serializable {

  static CounterfactualResult missing(int nPre, int nPost, String note) {
    double nan = Double.NaN;
    return new CounterfactualResult(nPre, nPost, nan, nan, nan, nan, nan, nan, nan, nan, note);
  }
}
