package io.socialkpi.generate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The company's clock: one Helsinki calendar day in every textual form the exports use, and event
 * times within it. Text is built by hand rather than with DateTimeFormatter because it runs once
 * per generated row; the tests parse every value back with the config's patterns.
 */
final class Clock {
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  /** Shops, call center and careers system take events from 07:00 to 23:00 local time. */
  static final int OPENS = 7 * 3600;

  static final int CLOSES = 23 * 3600;

  final LocalDate date;

  /** yyyy-MM-dd */
  final String iso;

  /** dd.MM.yyyy, the call center's format */
  final String finnish;

  /** yyyyMMdd, GA4's format */
  final String compact;

  /** yyyy-MM-dd of the day before, where this day's first hours fall in UTC. */
  private final String utcDayBefore;

  /**
   * Helsinki's UTC offset during business hours. Daylight saving switches at 03:00/04:00, outside
   * 07:00-23:00, so one offset holds for every business event of the day.
   */
  final String offset;

  /** The instant the day starts (epoch seconds), and its length: 23, 24 or 25 hours. */
  final long startEpochSecond;

  final int lengthSeconds;

  Clock(LocalDate date) {
    this.date = date;
    String y = pad(date.getYear(), 4);
    String m = pad(date.getMonthValue(), 2);
    String d = pad(date.getDayOfMonth(), 2);
    this.iso = y + "-" + m + "-" + d;
    this.finnish = d + "." + m + "." + y;
    this.compact = y + m + d;
    this.utcDayBefore = date.minusDays(1).toString();
    ZoneOffset noon = HELSINKI.getRules().getOffset(date.atTime(12, 0));
    this.offset = noon.getTotalSeconds() == 0 ? "Z" : noon.getId();
    this.startEpochSecond = date.atStartOfDay(HELSINKI).toEpochSecond();
    long next = date.plusDays(1).atStartOfDay(HELSINKI).toEpochSecond();
    this.lengthSeconds = (int) (next - startEpochSecond);
  }

  /** {@code n} sorted second-of-day values within business hours. */
  static int[] businessSeconds(Rand rand, int n) {
    int[] seconds = new int[n];
    for (int i = 0; i < n; i++) {
      seconds[i] = OPENS + rand.nextInt(CLOSES - OPENS);
    }
    Arrays.sort(seconds);
    return seconds;
  }

  /**
   * {@code n} sorted instants (epoch seconds) anywhere in this Helsinki day: social never sleeps.
   */
  long[] instants(Rand rand, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = startEpochSecond + rand.nextInt(lengthSeconds);
    }
    Arrays.sort(out);
    return out;
  }

  /** Appends HH:mm:ss (or HH:mm) for a second of the day. */
  static void appendTime(StringBuilder sb, int secondOfDay, boolean withSeconds) {
    append2(sb, secondOfDay / 3600).append(':');
    append2(sb, secondOfDay / 60 % 60);
    if (withSeconds) {
      append2(sb.append(':'), secondOfDay % 60);
    }
  }

  /**
   * Appends yyyy-MM-ddTHH:mm:ssZ for an instant of this day. In UTC a Helsinki day starts on the
   * evening before, so its instants fall on one of two UTC dates, both prepared once per day.
   */
  void appendUtc(StringBuilder sb, long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86400);
    long local = date.toEpochDay();
    if (day == local) {
      sb.append(iso);
    } else if (day == local - 1) {
      sb.append(utcDayBefore);
    } else {
      sb.append(LocalDate.ofEpochDay(day));
    }
    appendTime(sb.append('T'), Math.floorMod(epochSecond, 86400), true);
    sb.append('Z');
  }

  /** Appends the local business time with this day's offset: yyyy-MM-ddTHH:mm:ss+03:00. */
  void appendWithOffset(StringBuilder sb, int secondOfDay) {
    sb.append(iso).append('T');
    appendTime(sb, secondOfDay, true);
    sb.append(offset);
  }

  private static StringBuilder append2(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }
}
