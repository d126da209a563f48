package io.socialkpi.source;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_multiply;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.TimeSpec;
import java.time.ZoneId;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * A row's time as Spark columns: the instant its time field names, and its calendar date in the
 * reporting zone. The meaning is Spark's ({@code try_to_timestamp} with the source's pattern, then
 * {@code to_utc_timestamp} from the source's zone; {@code from_utc_timestamp} to the reporting
 * zone). For a fixed-width pattern, {@link FixedWidthPattern} and {@link ZoneShifts} compute the
 * same values in a few arithmetic steps and Spark's parser runs only for the text they do not
 * answer for. Requires the session time zone to be UTC.
 */
final class TimeColumns {
  private static final long MICROS = 1_000_000L;
  private static final long DAY_SECONDS = 86_400L;

  private TimeColumns() {}

  /** The instant of the time field, null where it does not match the pattern. */
  static Column instant(Column field, DataType type, TimeSpec time) {
    String zone = time.zone().getId();
    if (type.equals(DataTypes.TimestampType)) {
      return field;
    }
    if (type.equals(DataTypes.TimestampNTZType)) {
      // The cast reads the wall time in the session zone (UTC); to_utc_timestamp moves it to zone.
      return to_utc_timestamp(field.cast(DataTypes.TimestampType), zone);
    }
    if (time.epochMicros() > 0 && !type.equals(DataTypes.DateType)) {
      // A count of units since the epoch: a long's digits, times the unit, in years 1 to 9999.
      Column text = trim(field.cast("string"));
      Column micros =
          try_multiply(text.try_cast(DataTypes.LongType), lit(time.epochMicros()).cast("long"));
      return when(
          text.rlike(TimeText.EPOCH_COUNT)
              .and(micros.between(TimeText.EPOCH_MIN_MICROS, TimeText.EPOCH_MAX_MICROS)),
          timestamp_micros(micros));
    }
    if (type.equals(DataTypes.DateType) || time.dateOnly()) {
      return to_utc_timestamp(date(field, type, time).cast(DataTypes.TimestampType), zone);
    }
    Column text = text(field, time);
    Column parsed = try_to_timestamp(text, lit(time.readPattern()));
    Column spark = time.carriesOffset() ? parsed : to_utc_timestamp(parsed, zone);
    FixedWidthPattern pattern = FixedWidthPattern.of(time.readPattern());
    if (pattern == null) {
      return spark;
    }
    ZoneShifts shifts = pattern.carriesOffset() ? null : new ZoneShifts(time.zone());
    UDF1<String, Long> micros =
        s -> {
          long second = s == null ? FixedWidthPattern.NO_ANSWER : pattern.epochSecond(s);
          if (second == FixedWidthPattern.NO_ANSWER) {
            return null;
          }
          return (shifts == null ? second : shifts.toUtc(second)) * MICROS;
        };
    // coalesce evaluates Spark's parser only where the fixed-width reader gave no answer.
    return coalesce(timestamp_micros(udf(micros, DataTypes.LongType).apply(text)), spark);
  }

  /**
   * The row's calendar date: a date as it is; a typed timestamp (Parquet's, whatever the pattern)
   * with a date-only pattern on its day in the source's zone (a daily export written as midnight
   * timestamps stays on its day), with hours in the pattern on its day in the reporting zone; a
   * text time by the pattern.
   */
  static Column day(Column field, DataType type, Column instant, TimeSpec time, ZoneId reporting) {
    if (type.equals(DataTypes.DateType)) {
      return field;
    }
    boolean typed = type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType);
    if (!time.dateOnly()) {
      return localDate(instant, reporting);
    }
    if (!typed) {
      return date(field, type, time);
    }
    return type.equals(DataTypes.TimestampNTZType)
        ? field.cast(DataTypes.DateType)
        : localDate(instant, time.zone());
  }

  /** The calendar date of a date-only time field, taken as it is (never shifted by zones). */
  static Column date(Column field, DataType type, TimeSpec time) {
    if (type.equals(DataTypes.DateType)) {
      return field;
    }
    return to_date(try_to_timestamp(text(field, time), lit(time.readPattern())));
  }

  /** The field's text to parse: trimmed, and after a leading day of the week if the pattern has. */
  private static Column text(Column field, TimeSpec time) {
    Column text = trim(field.cast("string"));
    return time.weekdayText() == null ? text : regexp_extract(text, time.weekdayText(), 1);
  }

  /** The date in {@code zone} at instant {@code ts}: {@code to_date(from_utc_timestamp(ts))}. */
  static Column localDate(Column ts, ZoneId zone) {
    ZoneShifts shifts = new ZoneShifts(zone);
    UDF1<Long, Integer> day =
        micros ->
            micros == null
                ? null
                : (int)
                    Math.floorDiv(
                        shifts.toLocal(Math.floorDiv(micros.longValue(), MICROS)), DAY_SECONDS);
    return date_from_unix_date(udf(day, DataTypes.IntegerType).apply(unix_micros(ts)));
  }
}
