package io.socialkpi.words;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way numbers are written in words, in the tables' text columns and in the report: few
 * digits, a real minus sign, and always the same rounding, so a number in a sentence can be traced
 * to its table value (docs/REPORT.md states the rules). Null and NaN read "n/a".
 */
public final class NumberFormats {
  public static final String MINUS = "\u2212";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private NumberFormats() {}

  /** A level or mean: grouped integers from 100 up, one decimal from 10, two below. */
  public static String value(Double v) {
    if (v == null || v.isNaN()) {
      return "n/a";
    }
    double a = Math.abs(v);
    String s =
        a >= 100
            ? String.format(Locale.ROOT, "%,.0f", v)
            : a >= 10
                ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    return minus(s);
  }

  /** A change, with its sign. */
  public static String signed(Double v) {
    if (v == null || v.isNaN()) {
      return "n/a";
    }
    String s = value(v);
    return v > 0 && !s.equals(value(0.0)) ? "+" + s : s;
  }

  /** A relative change: {@code 0.62} is "+62%"; under 10% one decimal. */
  public static String percent(Double fraction) {
    if (fraction == null || fraction.isNaN()) {
      return "n/a";
    }
    double p = 100 * fraction;
    String s =
        Math.abs(p) >= 10
            ? String.format(Locale.ROOT, "%+.0f%%", p)
            : String.format(Locale.ROOT, "%+.1f%%", p);
    return minus(s);
  }

  /** A share, e.g. progress toward a target: {@code 0.716} is "72%". */
  public static String share(Double fraction) {
    return fraction == null || fraction.isNaN()
        ? "n/a"
        : minus(String.format(Locale.ROOT, "%.0f%%", 100 * fraction));
  }

  /** A correlation coefficient, two decimals. */
  public static String coefficient(Double r) {
    return r == null || r.isNaN() ? "n/a" : minus(String.format(Locale.ROOT, "%.2f", r));
  }

  /** "p = 0.003" or "p < 0.001" for a p- or q-value named {@code symbol}. */
  public static String pValue(String symbol, Double p) {
    if (p == null || p.isNaN()) {
      return symbol + " n/a";
    }
    return p < 0.001 ? symbol + " < 0.001" : symbol + " = " + String.format(Locale.ROOT, "%.3f", p);
  }

  /** "3 March 2025". */
  public static String date(LocalDate d) {
    return d == null ? "n/a" : DAY.format(d);
  }

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String minus(String s) {
    return s.replace("-", MINUS);
  }
}
