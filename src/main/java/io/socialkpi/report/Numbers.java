package io.socialkpi.report;

import io.socialkpi.words.NumberFormats;
import java.time.LocalDate;

/**
 * How the report writes numbers: the one number format of {@link NumberFormats}, which the tables'
 * text columns use too (docs/REPORT.md states the rules).
 */
final class Numbers {
  static final String MINUS = NumberFormats.MINUS;

  private Numbers() {}

  static String value(Double v) {
    return NumberFormats.value(v);
  }

  static String signed(Double v) {
    return NumberFormats.signed(v);
  }

  static String percent(Double fraction) {
    return NumberFormats.percent(fraction);
  }

  static String share(Double fraction) {
    return NumberFormats.share(fraction);
  }

  static String coefficient(Double r) {
    return NumberFormats.coefficient(r);
  }

  static String pValue(String symbol, Double p) {
    return NumberFormats.pValue(symbol, p);
  }

  static String date(LocalDate d) {
    return NumberFormats.date(d);
  }

  static String count(long n) {
    return NumberFormats.count(n);
  }
}
