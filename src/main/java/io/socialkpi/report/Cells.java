package io.socialkpi.report;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;

/** Typed, null-safe reads of a collected row's columns by name. NaN reads as null. */
final class Cells {
  private Cells() {}

  static boolean has(Row r, String column) {
    return r.schema().getFieldIndex(column).isDefined() && !r.isNullAt(r.fieldIndex(column));
  }

  static String str(Row r, String column) {
    return has(r, column) ? String.valueOf(r.get(r.fieldIndex(column))) : null;
  }

  static Double dbl(Row r, String column) {
    if (!has(r, column)) {
      return null;
    }
    double v = ((Number) r.get(r.fieldIndex(column))).doubleValue();
    return Double.isNaN(v) ? null : v;
  }

  static Integer integer(Row r, String column) {
    return has(r, column) ? ((Number) r.get(r.fieldIndex(column))).intValue() : null;
  }

  static long lng(Row r, String column) {
    return has(r, column) ? ((Number) r.get(r.fieldIndex(column))).longValue() : 0L;
  }

  static Boolean bool(Row r, String column) {
    return has(r, column) ? r.getBoolean(r.fieldIndex(column)) : null;
  }

  static LocalDate date(Row r, String column) {
    if (!has(r, column)) {
      return null;
    }
    Object v = r.get(r.fieldIndex(column));
    return v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
  }

  static Instant instant(Row r, String column) {
    if (!has(r, column)) {
      return null;
    }
    Object v = r.get(r.fieldIndex(column));
    return v instanceof Instant i ? i : ((java.sql.Timestamp) v).toInstant();
  }
}
