package io.socialkpi.source;

import io.socialkpi.config.TimeSpec;
import java.io.Serializable;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.LegacyDateFormats;
import org.apache.spark.sql.catalyst.util.TimestampFormatter;

/**
 * A text time field's instant and calendar date in plain Java: the values {@link
 * TimeColumns#instant} and {@link TimeColumns#day} give for a string field, without Spark column
 * expressions. Text is trimmed of spaces (only U+0020, as Spark's {@code trim}); a fixed-width
 * pattern is read by {@link FixedWidthPattern} and shifted by {@link ZoneShifts}, and any text
 * those do not answer for is read by Spark's own parser: the {@link TimestampFormatter} that {@code
 * try_to_timestamp} builds (session zone UTC, parsing, not legacy), whose parse errors give no
 * value, and {@link DateTimeUtils#convertTz} as {@code to_utc_timestamp}. A test compares both on
 * thousands of texts.
 *
 * <p>Built once per source and serialized to executors; the Spark formatter is built lazily there.
 * Not for concurrent use by several threads of one instance beyond what {@link ZoneShifts} allows
 * (its caches are replaced whole, so sharing is safe, only slower).
 */
public final class TimeText implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@link #instantMicros} where Spark gives null. */
  public static final long NONE = Long.MIN_VALUE;

  /** {@link #day} where Spark gives null. */
  public static final int NO_DAY = Integer.MIN_VALUE;

  private static final long MICROS = 1_000_000L;
  private static final long DAY_SECONDS = 86_400L;
  private static final long DAY_MICROS = DAY_SECONDS * MICROS;

  /** The session time zone the pipeline runs with, as Spark resolves it. */
  private static final String SESSION_ZONE = "UTC";

  private final String pattern;

  /** Microseconds per unit of an epoch count, or 0 for a java.time pattern. */
  private final long epochUnit;

  /** A leading day of the week to skip (group 1 is the rest), or null. */
  private final Pattern weekday;

  private final String zone;
  private final boolean dateOnly;
  private final boolean carriesOffset;

  /** Fixed-width reader of a pattern with hours, or null. */
  private final FixedWidthPattern fixed;

  /** Fixed-width reader of a date-only pattern, or null. */
  private final FixedWidthPattern fixedDate;

  /** Local times of the source's zone to instants; null when the text carries its offset. */
  private final ZoneShifts source;

  /** Instants to local times of the reporting zone. */
  private final ZoneShifts reporting;

  private transient TimestampFormatter formatter;
  private transient ZoneId sparkZone;

  /** The last date-only text Spark's parser read, and its day: {@link #day} after instant. */
  private transient LastDay last;

  private record LastDay(String field, int day) {}

  private TimeText(TimeSpec time, ZoneId reportingZone) {
    this.pattern = time.readPattern();
    this.epochUnit = time.epochMicros();
    this.weekday = time.weekdayText() == null ? null : Pattern.compile(time.weekdayText());
    this.zone = time.zone().getId();
    this.dateOnly = time.dateOnly();
    this.carriesOffset = time.carriesOffset();
    this.fixed = dateOnly ? null : FixedWidthPattern.of(pattern);
    this.fixedDate = dateOnly ? FixedWidthPattern.ofDate(pattern) : null;
    if (dateOnly) {
      this.source = new ZoneShifts(time.zone());
    } else if (fixed != null && !fixed.carriesOffset()) {
      this.source = new ZoneShifts(time.zone());
    } else {
      this.source = null;
    }
    this.reporting = new ZoneShifts(reportingZone);
  }

  /**
   * The reader of a source's time field, dates in {@code reporting}; throws Spark's exception
   * ({@code SparkUpgradeException}, {@code SparkIllegalArgumentException}) for a pattern Spark's
   * parser does not accept.
   */
  public static TimeText of(TimeSpec time, ZoneId reporting) {
    TimeText text = new TimeText(time, reporting);
    if (text.epochUnit > 0) {
      return text;
    }
    // A pattern Spark does not accept fails here, with Spark's error, as its query would.
    text.formatter();
    text.sparkZone();
    return text;
  }

  /**
   * Microseconds since the epoch of the field's instant, as {@code TimeColumns.instant} for a
   * string field, or {@link #NONE} where that is null.
   */
  public long instantMicros(String field) {
    if (field == null) {
      return NONE;
    }
    String text = withoutWeekday(CellTrim.trim(field));
    if (epochUnit > 0) {
      return epochInstant(text, epochUnit);
    }
    if (dateOnly) {
      // to_utc_timestamp(cast(to_date(...) as timestamp), zone): the date's midnight in the zone.
      if (fixedDate != null) {
        long second = fixedDate.epochSecond(text);
        if (second != FixedWidthPattern.NO_ANSWER) {
          return source.toUtc(second) * MICROS;
        }
      }
      int day = sparkDate(text, field);
      return day == NO_DAY
          ? NONE
          : DateTimeUtils.convertTz(day * DAY_MICROS, sparkZone(), ZoneOffset.UTC);
    }
    if (fixed != null) {
      long second = fixed.epochSecond(text);
      if (second != FixedWidthPattern.NO_ANSWER) {
        return (source == null ? second : source.toUtc(second)) * MICROS;
      }
    }
    long parsed = parse(text);
    if (parsed == NONE || carriesOffset) {
      return parsed;
    }
    return DateTimeUtils.convertTz(parsed, sparkZone(), ZoneOffset.UTC);
  }

  /**
   * Days since the epoch of the row's local date, as {@code TimeColumns.day} for a string field:
   * for a date-only pattern the field's date as it is written, otherwise the date of {@code
   * instantMicros} (this object's {@link #instantMicros} of the field) in the reporting zone;
   * {@link #NO_DAY} where that is null.
   */
  public int day(String field, long instantMicros) {
    if (dateOnly) {
      if (field == null) {
        return NO_DAY;
      }
      LastDay l = last;
      if (l != null && field.equals(l.field())) {
        return l.day();
      }
      return date(withoutWeekday(CellTrim.trim(field)));
    }
    if (instantMicros == NONE) {
      return NO_DAY;
    }
    return (int)
        Math.floorDiv(reporting.toLocal(Math.floorDiv(instantMicros, MICROS)), DAY_SECONDS);
  }

  /** Earliest and latest instants of an epoch count: years 1 to 9999, as Spark's dates. */
  static final long EPOCH_MIN_MICROS = -62_135_596_800_000_000L;

  static final long EPOCH_MAX_MICROS = 253_402_300_799_999_999L;

  /** An epoch count's digits: a sign, then at most 19 ASCII digits (a long's width). */
  static final String EPOCH_COUNT = "^[+-]?[0-9]{1,19}$";

  /**
   * The instant of an integer count of units since 1970-01-01T00:00Z, as TimeColumns computes it:
   * {@link #NONE} for other text, a count beyond a long, or an instant outside years 1 to 9999.
   */
  static long epochInstant(String text, long unit) {
    int n = text.length();
    int i = n > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    if (n == i || n - i > 19) {
      return NONE;
    }
    for (int k = i; k < n; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        return NONE;
      }
    }
    long count;
    try {
      count = Long.parseLong(text);
      long micros = Math.multiplyExact(count, unit);
      return micros < EPOCH_MIN_MICROS || micros > EPOCH_MAX_MICROS ? NONE : micros;
    } catch (NumberFormatException | ArithmeticException e) {
      return NONE;
    }
  }

  /** The text after a leading weekday, as TimeColumns' regexp_extract: empty where none is. */
  private String withoutWeekday(String text) {
    if (weekday == null) {
      return text;
    }
    Matcher m = weekday.matcher(text);
    return m.find() ? m.group(1) : "";
  }

  /**
   * {@code to_date(try_to_timestamp(text, pattern))} as days since the epoch, or {@link #NO_DAY}.
   */
  private int date(String text) {
    if (fixedDate != null) {
      long second = fixedDate.epochSecond(text);
      if (second != FixedWidthPattern.NO_ANSWER) {
        return (int) Math.floorDiv(second, DAY_SECONDS);
      }
    }
    return sparkDate(text, null);
  }

  /**
   * {@link #date} by Spark's parser; remembers the answer for {@code field} (when not null) so that
   * {@link #day} of the same field need not parse it again.
   */
  private int sparkDate(String text, String field) {
    long parsed = parse(text);
    int day = parsed == NONE ? NO_DAY : (int) Math.floorDiv(parsed, DAY_MICROS);
    if (field != null) {
      last = new LastDay(field, day);
    }
    return day;
  }

  /** {@code try_to_timestamp(text, pattern)} in the UTC session zone, or {@link #NONE}. */
  private long parse(String text) {
    try {
      return formatter().parse(text);
    } catch (DateTimeException | ParseException e) {
      // ToTimestamp with failOnError off: a parse error is null, anything else fails the task.
      return NONE;
    }
  }

  private TimestampFormatter formatter() {
    TimestampFormatter f = formatter;
    if (f == null) {
      // TimestampFormatterHelper.getFormatter, as ToTimestamp builds it for a literal format.
      f =
          TimestampFormatter.apply(
              pattern,
              DateTimeUtils.getZoneId(SESSION_ZONE),
              LegacyDateFormats.SIMPLE_DATE_FORMAT(),
              true,
              false);
      formatter = f;
    }
    return f;
  }

  private ZoneId sparkZone() {
    ZoneId z = sparkZone;
    if (z == null) {
      z = DateTimeUtils.getZoneId(zone);
      sparkZone = z;
    }
    return z;
  }
}
