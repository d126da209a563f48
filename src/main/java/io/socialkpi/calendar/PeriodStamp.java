package io.socialkpi.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The day of its period a row of a weekly or monthly export is stamped on ({@code time.stamp}): the
 * period's first day or its last. A row of such a source stands for its whole period, which must be
 * one window: a week Monday to Sunday (ISO), a calendar month. A stamp on another day names a
 * period across two windows (a Sunday-to-Saturday week against ISO weeks), whose value no window
 * can hold without moving some of its days into the wrong one, so the row is quarantined, never
 * shifted.
 */
public enum PeriodStamp {
  START,
  END;

  /**
   * Whether {@code day} is where this stamp falls on a period of {@code unit}: the window's first
   * day for {@link #START}, its last for {@link #END}. Every day is both for {@link
   * WindowUnit#DAY}.
   */
  public boolean on(WindowUnit unit, LocalDate day) {
    LocalDate start = unit.start(day);
    return this == START ? start.equals(day) : unit.end(start).equals(day);
  }

  /**
   * Why a row stamped on another day than {@link #on} allows is not read: the end of the detail of
   * an {@code unaligned_period} row, after the day it is on.
   */
  public String rule(WindowUnit grain) {
    String day =
        switch (grain) {
          case DAY -> "a day";
          case WEEK -> this == START ? "a Monday" : "a Sunday";
          case MONTH -> this == START ? "the first day of a month" : "the last day of a month";
        };
    String where =
        switch (grain) {
          case DAY -> "its day";
          case WEEK ->
              (this == START ? "the Monday its week starts" : "the Sunday its week ends")
                  + " (weeks run Monday to Sunday, as the windows do)";
          case MONTH -> this == START ? "the 1st of its month" : "the last day of its month";
        };
    return "not "
        + day
        + ": with time.grain = "
        + grain.key()
        + " and time.stamp = "
        + key()
        + " a row is stamped on "
        + where
        + ", so this row's "
        + grain.key()
        + " would span two windows";
  }

  /** The config spelling: {@code start} or {@code end}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
