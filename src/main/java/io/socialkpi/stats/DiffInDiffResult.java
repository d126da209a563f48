package io.socialkpi.stats;

import java.io.Serializable;

/**
 * A difference-in-differences estimate: how much more the treated series changed after the launch
 * than the control did. NaN when not available; {@code note} then says why.
 */
public record DiffInDiffResult(
    double estimate,
    double stdError,
    double tStat,
    double df,
    double pValue,
    double ciLow,
    double ciHigh,
    int n,
    double preTrendP,
    String note)
    implements Serializable {

  static DiffInDiffResult missing(int n, String note) {
    double nan = Double.NaN;
    return new DiffInDiffResult(nan, nan, nan, nan, nan, nan, nan, n, nan, note);
  }
}
