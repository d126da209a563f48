package io.socialkpi.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The windows a segmented regression is fitted on and the rows of its design: {@code [1, trend,
 * annual sine and cosine?, weekday dummies (Tuesday..Sunday)?, steps...]}. Windows with a missing
 * outcome or control, and windows inside a launch's ramp-up, are not rows.
 *
 * <p>With a control the response is the outcome minus the control scaled to the outcome's level
 * before the first launch ({@code k = mean(outcome) / mean(control)} there; 1 when either level is
 * not positive): a comparative interrupted time series. Whatever moves both alike, a shared trend,
 * season or market-wide shock at the launch, cancels, where a control used as a regressor would let
 * the step take the shock.
 *
 * <p>The annual terms enter only when the history before the first launch covers a whole season
 * period (a year), so that a pattern repeating every year is estimated rather than mistaken for a
 * step.
 */
final class Design {
  private final double[] response;
  private final double[] offset;
  private final int[] dayOfWeek;
  private final double seasonPeriod;
  private final boolean annual;
  private final boolean control;
  private final String controlNote;
  private final int origin;
  private final int[] rows;

  Design(SegmentedRegression.Input in) {
    int first = in.cuts().length == 0 ? in.to() : in.cuts()[0];
    this.origin = in.cuts().length == 0 ? in.from() : first;
    this.dayOfWeek = in.dayOfWeek();
    this.seasonPeriod = in.seasonPeriod();
    double[] y = in.y();
    double[] c = in.control();
    List<Integer> used = new ArrayList<>();
    for (int i = Math.max(0, in.from()); i < Math.min(in.to(), y.length); i++) {
      if (Double.isNaN(y[i]) || (c != null && Double.isNaN(c[i]))) {
        continue;
      }
      boolean rampingUp = false;
      for (int cut : in.cuts()) {
        rampingUp |= i >= cut && i < cut + in.rampUp();
      }
      if (!rampingUp) {
        used.add(i);
      }
    }
    this.rows = used.stream().mapToInt(Integer::intValue).toArray();
    double k = c == null ? Double.NaN : scale(y, c, first);
    this.control = c != null;
    // A control whose level before the launch is not positive (net sentiment, a margin) cannot be
    // scaled by a ratio of levels: it is subtracted as it is.
    this.controlNote =
        c != null && Double.isNaN(k)
            ? "the control is subtracted unscaled: its level or the outcome's before the first"
                + " launch is not positive"
            : null;
    if (c != null && Double.isNaN(k)) {
      k = 1;
    }
    this.offset = new double[y.length];
    this.response = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      offset[i] = control ? k * c[i] : 0;
      response[i] = y[i] - offset[i];
    }
    this.annual = seasonPeriod > 0 && first - Math.max(0, in.from()) >= Math.floor(seasonPeriod);
  }

  /** mean(y) / mean(c) over the rows before the first launch; NaN when it is not usable. */
  private double scale(double[] y, double[] c, int first) {
    double sy = 0;
    double sc = 0;
    for (int i : rows) {
      if (i < first) {
        sy += y[i];
        sc += c[i];
      }
    }
    double k = sy / sc;
    return sc > 0 && sy > 0 && Double.isFinite(k) ? k : Double.NaN;
  }

  /** Why the control was subtracted unscaled, or null. */
  String controlNote() {
    return controlNote;
  }

  /** Mean square of the response over the rows: the scale "no variation" is judged against. */
  double meanSquare() {
    double s = 0;
    for (int i : rows) {
      s += response[i] * response[i];
    }
    return rows.length == 0 ? 0 : s / rows.length;
  }

  boolean hasControl() {
    return control;
  }

  int baseTerms() {
    return 2 + (annual ? 2 : 0) + (dayOfWeek != null ? 6 : 0);
  }

  String model(int tactics) {
    return (control ? "outcome-minus-control:" : "")
        + "level+trend"
        + (annual ? "+annual" : "")
        + (dayOfWeek != null ? "+weekday" : "")
        + (tactics > 1 ? "+steps" : "+step");
  }

  int rowsBefore(int cut) {
    return rowsBetween(Integer.MIN_VALUE, cut);
  }

  int rowsAtOrAfter(int cut) {
    return rowsBetween(cut, Integer.MAX_VALUE);
  }

  int rowsBetween(int from, int to) {
    int n = 0;
    for (int i : rows) {
      n += i >= from && i < to ? 1 : 0;
    }
    return n;
  }

  private double[] row(int i, List<Integer> steps, boolean withAnnual) {
    double[] r = new double[2 + (withAnnual ? 2 : 0) + (dayOfWeek != null ? 6 : 0) + steps.size()];
    int k = 0;
    r[k++] = 1;
    r[k++] = i - origin;
    if (withAnnual) {
      r[k++] = Math.sin(2 * Math.PI * i / seasonPeriod);
      r[k++] = Math.cos(2 * Math.PI * i / seasonPeriod);
    }
    if (dayOfWeek != null) {
      for (int d = 2; d <= 7; d++) {
        r[k++] = dayOfWeek[i] == d ? 1 : 0;
      }
    }
    for (int s : steps) {
      r[k++] = i >= s ? 1 : 0;
    }
    return r;
  }

  /** Least squares over all rows with a step at each of {@code steps} (window indices). */
  LeastSquares fit(List<Integer> steps) {
    return fitFirst(rows.length, steps, annual);
  }

  private LeastSquares fitFirst(int count, List<Integer> steps, boolean withAnnual) {
    double[][] x = new double[count][];
    double[] v = new double[count];
    for (int r = 0; r < count; r++) {
      x[r] = row(rows[r], steps, withAnnual);
      v[r] = response[rows[r]];
    }
    return LeastSquares.fit(x, v);
  }

  /** Mean design row over the rows in windows [from, to) with the same steps as the fit. */
  double[] meanRow(int from, int to, List<Integer> steps) {
    double[] mean = new double[baseTerms() + steps.size()];
    int n = rowsBetween(from, to);
    for (int i : rows) {
      if (i >= from && i < to) {
        double[] r = row(i, steps, annual);
        for (int j = 0; j < mean.length; j++) {
          mean[j] += r[j] / n;
        }
      }
    }
    return mean;
  }

  /** Mean of the scaled control over the rows in windows [from, to): 0 without a control. */
  double meanOffset(int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i : rows) {
      if (i >= from && i < to) {
        sum += offset[i];
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /**
   * {|t|, df} (Newey–West) of a placebo step at the {@code q}-th row, fitted on the first {@code q
   * + length} rows only (with the annual terms only if those rows cover a season period); null when
   * that fit is degenerate.
   */
  double[] placeboT(int q, int length) {
    boolean withAnnual = annual && rows[q + length - 1] - rows[0] + 1 >= Math.floor(seasonPeriod);
    LeastSquares fit = fitFirst(q + length, List.of(rows[q]), withAnnual);
    if (fit == null) {
      return null;
    }
    int column = fit.p - 1;
    double se = Math.sqrt(fit.hacVariance(fit.unit(column), fit.hacLags()));
    return se > 0 ? new double[] {Math.abs(fit.beta[column] / se), fit.df()} : null;
  }
}
