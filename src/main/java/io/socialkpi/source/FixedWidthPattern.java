package io.socialkpi.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A time pattern whose fields all have a fixed width ({@code yyyy-MM-dd HH:mm:ss}, {@code
 * dd.MM.yyyy HH:mm}, {@code yyyy-MM-dd'T'HH:mm:ssXXX}), read digit by digit. It answers only for
 * text that has exactly the pattern's shape and holds a valid date and time; any other text (a
 * single-digit day, February 30th, 24:00, a fraction of a second) gets {@link #NO_ANSWER}, and
 * Spark's own parser decides. Parsing every row with {@code java.time} was the largest cost of
 * reading a source; a test checks this class against Spark's parser.
 */
final class FixedWidthPattern implements Serializable {
  /** Returned for text this reader does not answer for. */
  static final long NO_ANSWER = Long.MIN_VALUE;

  /** Marks a digit in the shape: a character no literal can be (it is not a text character). */
  private static final char DIGIT = '\uFFFF';

  /** Pattern characters that are not literals (optional sections, reserved) and quote escapes. */
  private static final String NOT_LITERAL = "[]{}#'";

  private enum Field {
    YEAR,
    MONTH,
    DAY,
    HOUR,
    MINUTE,
    SECOND
  }

  /** The text's shape: its literal characters, with {@link #DIGIT} where a digit goes. */
  private final String literals;

  private final Field[] fields;
  private final int[] starts;
  private final boolean offset;

  private FixedWidthPattern(String literals, Field[] fields, int[] starts, boolean offset) {
    this.literals = literals;
    this.fields = fields;
    this.starts = starts;
    this.offset = offset;
  }

  /**
   * The reader for {@code pattern}, or null when the pattern has a field of variable width, a field
   * other than year, month, day, hour, minute and second (an offset {@code XXX} may end it), or no
   * hour.
   */
  static FixedWidthPattern of(String pattern) {
    FixedWidthPattern p = read(pattern);
    return p == null || !p.has(Field.HOUR) ? null : p;
  }

  /**
   * The reader for a date-only {@code pattern} of fixed width ({@code yyyy-MM-dd}, {@code
   * dd.MM.yyyy}): year, month and day and no other field; null for any other pattern. Its {@link
   * #epochSecond} is the date's midnight read as UTC.
   */
  static FixedWidthPattern ofDate(String pattern) {
    FixedWidthPattern p = read(pattern);
    return p == null || p.offset || p.fields.length != 3 ? null : p;
  }

  private boolean has(Field field) {
    for (Field f : fields) {
      if (f == field) {
        return true;
      }
    }
    return false;
  }

  /** The pattern's shape and fields, or null; requires year, month and day. */
  private static FixedWidthPattern read(String pattern) {
    StringBuilder shape = new StringBuilder();
    List<Field> fields = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    boolean offset = false;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      if (offset) {
        return null;
      }
      if (c == '\'') {
        int close = pattern.indexOf('\'', i + 1);
        // '' is an escaped quote, inside or outside a quoted literal: left to Spark.
        if (close < 0
            || close == i + 1
            || (close + 1 < pattern.length() && pattern.charAt(close + 1) == '\'')) {
          return null;
        }
        shape.append(pattern, i + 1, close);
        i = close + 1;
        continue;
      }
      if (NOT_LITERAL.indexOf(c) >= 0 || c == DIGIT) {
        return null;
      }
      if (Character.isLetter(c)) {
        Field field = field(c, run);
        if (field == null && c == 'X' && run == 3) {
          offset = true;
        } else if (field == null || fields.contains(field)) {
          return null;
        } else {
          fields.add(field);
          starts.add(shape.length());
          shape.append(String.valueOf(DIGIT).repeat(run));
        }
      } else {
        shape.append(String.valueOf(c).repeat(run));
      }
      i += run;
    }
    if (!fields.contains(Field.YEAR)
        || !fields.contains(Field.MONTH)
        || !fields.contains(Field.DAY)) {
      return null;
    }
    return new FixedWidthPattern(
        shape.toString(),
        fields.toArray(new Field[0]),
        starts.stream().mapToInt(Integer::intValue).toArray(),
        offset);
  }

  private static Field field(char letter, int width) {
    return switch (letter) {
      case 'y' -> width == 4 ? Field.YEAR : null;
      case 'M' -> width == 2 ? Field.MONTH : null;
      case 'd' -> width == 2 ? Field.DAY : null;
      case 'H' -> width == 2 ? Field.HOUR : null;
      case 'm' -> width == 2 ? Field.MINUTE : null;
      case 's' -> width == 2 ? Field.SECOND : null;
      default -> null;
    };
  }

  /** Whether the pattern ends in an offset, so the text names its instant itself. */
  boolean carriesOffset() {
    return offset;
  }

  /**
   * Seconds since the epoch of the text's fields read as UTC, minus its offset if the pattern has
   * one, or {@link #NO_ANSWER}.
   */
  long epochSecond(String text) {
    int n = literals.length();
    if (text.length() < n || (!offset && text.length() != n)) {
      return NO_ANSWER;
    }
    for (int i = 0; i < n; i++) {
      char want = literals.charAt(i);
      char c = text.charAt(i);
      if (want == DIGIT ? c < '0' || c > '9' : c != want) {
        return NO_ANSWER;
      }
    }
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    for (int f = 0; f < fields.length; f++) {
      int s = starts[f];
      switch (fields[f]) {
        case YEAR -> year = digits(text, s, 4);
        case MONTH -> month = digits(text, s, 2);
        case DAY -> day = digits(text, s, 2);
        case HOUR -> hour = digits(text, s, 2);
        case MINUTE -> minute = digits(text, s, 2);
        case SECOND -> second = digits(text, s, 2);
      }
    }
    if (year < 1000
        || month < 1
        || month > 12
        || day < 1
        || day > lengthOfMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return NO_ANSWER;
    }
    long local = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    if (!offset) {
      return local;
    }
    int seconds = offsetSeconds(text, n);
    return seconds == Integer.MIN_VALUE ? NO_ANSWER : local - seconds;
  }

  /** {@code Z}, or {@code +HH:MM} / {@code -HH:MM} up to 17:59, at the end of the text. */
  private static int offsetSeconds(String text, int at) {
    int left = text.length() - at;
    if (left == 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    if (left != 6 || text.charAt(at + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    char sign = text.charAt(at);
    if (sign != '+' && sign != '-') {
      return Integer.MIN_VALUE;
    }
    for (int i : new int[] {at + 1, at + 2, at + 4, at + 5}) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return Integer.MIN_VALUE;
      }
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if (hours > 17 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  private static int digits(String text, int start, int width) {
    int v = 0;
    for (int i = start; i < start + width; i++) {
      v = v * 10 + (text.charAt(i) - '0');
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay}. */
  private static long epochDay(int year, int month, int day) {
    // Howard Hinnant's days_from_civil: years start in March, so February's length comes last.
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }
}
