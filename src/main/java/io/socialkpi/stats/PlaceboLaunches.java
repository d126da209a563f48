package io.socialkpi.stats;

import java.util.Arrays;

/**
 * Placebo launches in time (as in Abadie's synthetic-control inference, but along the calendar):
 * the same segmented regression with a fake launch at every window of the clean history before the
 * first real launch, each fitted on that history only, with a fake "after" period of a quarter of
 * the history (at least 4 windows) and at least as many windows before it as a real launch needs. A
 * real step is credible when its |t| is rare among the placebos' |t|: the placebo p-value is {@code
 * (1 + #{|t_placebo| >= |t|}) / (1 + placebos)}. Strong autocorrelation, seasonality or breaks in
 * the history inflate the placebos' |t| exactly as they inflate the real one, which is what the
 * analytic p-value misses. At least {@value #MIN_PLACEBOS} placebos are needed, so that the p-value
 * can fall below 0.05.
 */
final class PlaceboLaunches {
  static final int MIN_PLACEBOS = 19;

  private final double[] sortedT;
  private final String why;

  private PlaceboLaunches(double[] sortedT, String why) {
    this.sortedT = sortedT;
    this.why = why;
  }

  static PlaceboLaunches of(Design design, int firstCut, int minPre) {
    int history = design.rowsBefore(firstCut);
    int length = Math.max(4, history / 4);
    double[] t = new double[Math.max(0, history - length - minPre + 1)];
    int n = 0;
    for (int q = minPre; q + length <= history; q++) {
      double v = design.placeboT(q, length);
      if (!Double.isNaN(v)) {
        t[n++] = v;
      }
    }
    double[] sorted = Arrays.copyOf(t, n);
    Arrays.sort(sorted);
    String why =
        n < MIN_PLACEBOS
            ? "too little history before the first launch for placebo launches ("
                + n
                + ", need "
                + MIN_PLACEBOS
                + ")"
            : null;
    return new PlaceboLaunches(sorted, why);
  }

  int count() {
    return sortedT.length;
  }

  String why() {
    return why;
  }

  /** The placebo p-value of a real |t|, or NaN with too few placebos. */
  double pValue(double absT) {
    if (why != null || Double.isNaN(absT)) {
      return Double.NaN;
    }
    // Placebos at least as extreme: those from the first index whose value is >= absT.
    int lo = 0;
    int hi = sortedT.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sortedT[mid] >= absT) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return (1.0 + sortedT.length - lo) / (1.0 + sortedT.length);
  }
}
