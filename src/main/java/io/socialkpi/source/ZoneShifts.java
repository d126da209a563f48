package io.socialkpi.source;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Converts between local times of a zone and instants, in seconds, as Spark's {@code
 * to_utc_timestamp} and {@code from_utc_timestamp} do ({@code LocalDateTime.atZone} and {@code
 * LocalDateTime.ofInstant}: a time in a spring-forward gap moves forward by the gap, an ambiguous
 * autumn time takes the earlier offset). Rows of an export come in time order, so the span between
 * two transitions that the last row fell in is kept and most rows need no lookup in the zone rules.
 * A test compares every quarter hour of several years and zones with {@code java.time}.
 */
final class ZoneShifts implements Serializable {
  private final ZoneId zone;
  private transient ZoneRules rules;
  private transient Span local;
  private transient Span utc;

  /**
   * Seconds in {@code [from, to)} have one offset: local times that are neither gap nor overlap.
   */
  private record Span(long from, long to, int offset) {
    boolean holds(long second) {
      return second >= from && second < to;
    }
  }

  ZoneShifts(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The instant (epoch second) of a local time given as epoch seconds of its fields read as UTC.
   */
  long toUtc(long localSecond) {
    Span span = local;
    if (span != null && span.holds(localSecond)) {
      return localSecond - span.offset();
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    long instant = time.atZone(zone).toEpochSecond();
    if (rules().getValidOffsets(time).size() == 1) {
      ZoneOffsetTransition before = rules().previousTransition(Instant.ofEpochSecond(instant + 1));
      ZoneOffsetTransition after = rules().nextTransition(Instant.ofEpochSecond(instant));
      long from = before == null ? Long.MIN_VALUE : laterLocal(before);
      long to = after == null ? Long.MAX_VALUE : earlierLocal(after);
      if (from <= localSecond && localSecond < to) {
        local = new Span(from, to, (int) (localSecond - instant));
      }
    }
    return instant;
  }

  /** The local time, as epoch seconds of its fields read as UTC, of an instant (epoch second). */
  long toLocal(long utcSecond) {
    Span span = utc;
    if (span != null && span.holds(utcSecond)) {
      return utcSecond + span.offset();
    }
    Instant instant = Instant.ofEpochSecond(utcSecond);
    int offset = rules().getOffset(instant).getTotalSeconds();
    ZoneOffsetTransition before = rules().previousTransition(instant.plusSeconds(1));
    ZoneOffsetTransition after = rules().nextTransition(instant);
    utc =
        new Span(
            before == null ? Long.MIN_VALUE : before.toEpochSecond(),
            after == null ? Long.MAX_VALUE : after.toEpochSecond(),
            offset);
    return utcSecond + offset;
  }

  private ZoneRules rules() {
    if (rules == null) {
      rules = zone.getRules();
    }
    return rules;
  }

  /** The first local time after a transition that has one offset. */
  private static long laterLocal(ZoneOffsetTransition t) {
    return Math.max(seconds(t.getDateTimeBefore()), seconds(t.getDateTimeAfter()));
  }

  /** The first local time at a transition that is in its gap or overlap. */
  private static long earlierLocal(ZoneOffsetTransition t) {
    return Math.min(seconds(t.getDateTimeBefore()), seconds(t.getDateTimeAfter()));
  }

  private static long seconds(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC);
  }
}
