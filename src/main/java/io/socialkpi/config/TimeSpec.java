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

  /**
   * Pattern letters Spark cannot parse with (week-based fields, day-of-week text but for a leading
   * weekday, quarters, nanoseconds, AM/PM text of periods), each with what to use instead.
   */
  private static final String UNREADABLE = "YwWuecFqQnNAB";

  /**
   * A leading day of the week ({@code EEE, } of X's "Fri, Apr 26, 2024"): Spark can write it but
   * not read it, so it is skipped in the text, with the separator that follows it in the pattern.
   */
  private static final java.util.regex.Pattern LEADING_WEEKDAY =
      java.util.regex.Pattern.compile("^E+([^A-Za-z']*)");

  /**
   * What is wrong with the pattern for Spark's parser, or null: a letter it cannot read, or a day
   * of the week anywhere but at the start.
   */
  public static String unreadable(String pattern) {
    String rest = LEADING_WEEKDAY.matcher(pattern).replaceFirst("");
    boolean quoted = false;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (UNREADABLE.indexOf(c) >= 0 || c == 'E')) {
        return "'"
            + pattern
            + "' uses '"
            + c
            + "', which Spark cannot read"
            + switch (c) {
              case 'u' -> " (use y for the year)";
              case 'Y', 'w', 'W', 'e', 'c' -> " (week-based fields: use y, M and d)";
              case 'E' ->
                  " (a day of the week is read only at the start, as in 'EEE, MMM d, yyyy')";
              default -> "";
            };
      }
    }
    return null;
  }

  /** The text before the date of a pattern with a leading weekday (e.g. ", "), or null. */
  public String weekdaySeparator() {
    java.util.regex.Matcher m = LEADING_WEEKDAY.matcher(pattern);
    return m.find() ? m.group(1) : null;
  }

  /** The pattern Spark parses with: {@link #pattern} without a leading day of the week. */
  public String readPattern() {
    if (nthDay()) {
      return "yyyy-MM-dd"; // the reader turns each offset into the date it names
    }
    return LEADING_WEEKDAY.matcher(pattern).replaceFirst("");
  }

  /**
   * The regular expression whose group 1 is the text to parse for a pattern with a leading weekday
   * (a word, then the pattern's separator), or null for other patterns. Text that does not match
   * has no time.
   */
  public String weekdayText() {
    String sep = weekdaySeparator();
    return sep == null ? null : "^\\p{L}+\\.?" + java.util.regex.Pattern.quote(sep) + "(.*)$";
  }

  /**
   * Microseconds per unit of an epoch pattern ({@code epoch-seconds}, {@code epoch-millis}, {@code
   * epoch-micros}: GA4's BigQuery {@code event_timestamp}), or 0 for a java.time pattern.
   */
  public long epochMicros() {
    return epochMicros(pattern);
  }

  /** {@link #epochMicros()} of a pattern text. */
  public static long epochMicros(String pattern) {
    return switch (pattern) {
      case EPOCH_SECONDS -> 1_000_000L;
      case EPOCH_MILLIS -> 1_000L;
      case EPOCH_MICROS -> 1L;
      default -> 0L;
    };
  }

  /** GA's "Nth day": days since the report's start date, from the file's comment block. */
  public static final String NTH_DAY = "nth-day";

  /** The time is a day offset from the file's "# Start date: YYYYMMDD" line ({@link #NTH_DAY}). */
  public boolean nthDay() {
    return NTH_DAY.equals(pattern);
  }

  public static final String EPOCH_SECONDS = "epoch-seconds";
  public static final String EPOCH_MILLIS = "epoch-millis";
  public static final String EPOCH_MICROS = "epoch-micros";

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
    return nthDay() || (epochMicros() == 0 && !hasLetter("HhkKaBm"));
  }

  /** The pattern carries its own offset or zone, so {@link #zone} does not apply. */
  public boolean carriesOffset() {
    // An epoch count names an instant: no zone applies to it.
    return epochMicros() > 0 || (!nthDay() && hasLetter("XxZzOV"));
  }

  private boolean hasLetter(String letters) {
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && letters.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
