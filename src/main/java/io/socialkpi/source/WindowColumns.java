package io.socialkpi.source;

import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;

import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
import org.apache.spark.sql.Column;

/**
 * The Spark column expression for the start of a calendar window; it gives the same dates as {@link
 * WindowUnit#start} (a test checks every day over three years), from dates rather than Spark's
 * {@code window()}, which measures from UTC and has no months. Window ends and gap filling run in
 * plain Java ({@code WindowFill}). It lives with the source reader that uses it, so that {@code
 * calendar} stays plain Java.
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

  /**
   * Whether the date column {@code localDate} is where {@code stamp} falls on a window of {@code
   * unit}: the same answer as {@link PeriodStamp#on}.
   */
  public static Column onStamp(Column localDate, WindowUnit unit, PeriodStamp stamp) {
    if (stamp == PeriodStamp.START) {
      return start(localDate, unit).equalTo(localDate);
    }
    return switch (unit) {
      case DAY -> lit(true);
      case WEEK -> date_add(start(localDate, unit), 6).equalTo(localDate);
      case MONTH -> last_day(localDate).equalTo(localDate);
    };
  }
}
