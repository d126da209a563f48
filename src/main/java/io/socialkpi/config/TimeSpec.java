package io.socialkpi.config;

import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where a source keeps its timestamps and how to read them.
 *
 * @param column the column holding the time
 * @param pattern a java.time pattern; without hour fields the value is a calendar date
 * @param zone zone of timestamps that carry no offset of their own
 * @param earliest a row on a day before this one is implausible (a placeholder date such as
 *     1900-01-01); null: no such check
 * @param grain what one row stands for: {@link WindowUnit#DAY} its own day (an event, a daily
 *     export's row), or a whole week or month (a weekly or monthly export), which then must be the
 *     run's window
 * @param stamp which day of its week or month a row is stamped on; no meaning for a day
 */
public record TimeSpec(
    String column,
    String pattern,
    ZoneId zone,
    LocalDate earliest,
    WindowUnit grain,
    PeriodStamp stamp)
    implements Serializable {
  /** The default of {@code time.earliest}. */
  public static final LocalDate DEFAULT_EARLIEST = LocalDate.of(2000, 1, 1);

  public TimeSpec(String column, String pattern, ZoneId zone) {
    this(column, pattern, zone, DEFAULT_EARLIEST);
  }

  /** A source whose rows are days or instants, the default {@code time.grain}. */
  public TimeSpec(String column, String pattern, ZoneId zone, LocalDate earliest) {
    this(column, pattern, zone, earliest, WindowUnit.DAY, PeriodStamp.START);
  }

  /** A row stands for a whole week or month ({@code time.grain}), not for its own day. */
  public boolean periodGrain() {
    return grain != WindowUnit.DAY;
  }

  /** A pattern without hours names a calendar day: it is taken as it is, never shifted by zones. */
  public boolean dateOnly() {
    return !hasLetter("HhkKaBm");
  }

  /** The pattern carries its own offset or zone, so {@link #zone} does not apply. */
  public boolean carriesOffset() {
    return hasLetter("XxZzOV");
  }

  private boolean hasLetter(String letters) {
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && letters.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
