package io.socialkpi.calendar;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Column;

/**
 * The Spark column expressions for calendar windows; they compute the same dates as {@link
 * WindowUnit} (a test checks the two agree), from dates rather than Spark's {@code window()}, which
 * measures from UTC and has no months.
 */
public final class WindowColumns {
  private WindowColumns() {}

  /** The first day of the window holding the date column {@code localDate}. */
  public static Column start(Column localDate, WindowUnit unit) {
    return switch (unit) {
      case DAY -> localDate;
      case WEEK -> trunc(localDate, "week");
      case MONTH -> trunc(localDate, "month");
    };
  }

  /** The first day of the next window. */
  public static Column next(Column start, WindowUnit unit) {
    return switch (unit) {
      case DAY -> date_add(start, 1);
      case WEEK -> date_add(start, 7);
      case MONTH -> add_months(start, 1);
    };
  }

  /** The last day (inclusive) of the window starting at {@code start}. */
  public static Column end(Column start, WindowUnit unit) {
    return date_add(next(start, unit), -1);
  }

  /** The Spark interval literal that steps from one window start to the next. */
  public static Column step(WindowUnit unit) {
    return switch (unit) {
      case DAY -> org.apache.spark.sql.functions.expr("INTERVAL 1 DAY");
      case WEEK -> org.apache.spark.sql.functions.expr("INTERVAL 7 DAYS");
      case MONTH -> org.apache.spark.sql.functions.expr("INTERVAL 1 MONTH");
    };
  }
}
