package io.socialkpi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A calendar window length: a day, an ISO week (Monday to Sunday) or a month. */
public enum WindowUnit {
  DAY,
  WEEK,
  MONTH;

  /** The first day of the window that holds {@code date}. */
  public LocalDate start(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  /** The first day of the window after the one starting at {@code start}. */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** The last day (inclusive) of the window that starts at {@code start}. */
  public LocalDate end(LocalDate start) {
    return next(start).minusDays(1);
  }

  /** The config spelling: {@code day}, {@code week} or {@code month}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
