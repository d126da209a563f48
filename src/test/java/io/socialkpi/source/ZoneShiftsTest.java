package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ZoneShifts} against {@code java.time} (what Spark's {@code to_utc_timestamp} and {@code
 * from_utc_timestamp} call): every quarter hour of 2015 to 2026 in time order, every second around
 * every transition, and random seconds from 1900 to 2100 in random order, so the kept span is both
 * reused and left in every direction.
 */
class ZoneShiftsTest {
  private static final long START = seconds(LocalDateTime.of(2015, 1, 1, 0, 0));
  private static final long END = seconds(LocalDateTime.of(2027, 1, 1, 0, 0));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Europe/Helsinki",
        "America/Los_Angeles",
        "America/Sao_Paulo", // until 2019 clocks went forward at midnight: the gap is 00:00-01:00
        "Australia/Lord_Howe", // half-hour daylight saving
        "Africa/Casablanca", // clocks go back an hour for Ramadan every year
        "America/St_Johns",
        "Asia/Kathmandu",
        "UTC"
      })
  void agreesWithJavaTimeEverywhere(String id) {
    ZoneId zone = ZoneId.of(id);
    ZoneShifts shifts = new ZoneShifts(zone);
    List<Long> seconds = new ArrayList<>();
    for (long s = START; s < END; s += 900) {
      seconds.add(s);
    }
    // Every transition from 1900 to 2100, explicit or from the zone's yearly rules.
    ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.parse("1900-01-01T00:00:00Z"));
    while (t != null && t.getInstant().isBefore(Instant.parse("2100-01-01T00:00:00Z"))) {
      for (long d = -3_700; d <= 3_700; d += 7) {
        seconds.add(t.toEpochSecond() + d);
        seconds.add(seconds(t.getDateTimeBefore()) + d);
      }
      t = zone.getRules().nextTransition(t.getInstant());
    }
    Random random = new Random(7);
    long from = seconds(LocalDateTime.of(1900, 1, 1, 0, 0));
    long to = seconds(LocalDateTime.of(2100, 1, 1, 0, 0));
    for (int i = 0; i < 200_000; i++) {
      seconds.add(from + (long) (random.nextDouble() * (to - from)));
    }
    int checked = 0;
    for (long s : seconds) {
      LocalDateTime local = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC);
      assertThat(shifts.toUtc(s))
          .as("%s local %s", id, local)
          .isEqualTo(local.atZone(zone).toEpochSecond());
      long offset = zone.getRules().getOffset(Instant.ofEpochSecond(s)).getTotalSeconds();
      assertThat(shifts.toLocal(s))
          .as("%s instant %s", id, Instant.ofEpochSecond(s))
          .isEqualTo(s + offset);
      checked++;
    }
    assertThat(checked).isGreaterThan(600_000);
  }

  private static long seconds(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC);
  }
}
