package io.socialkpi.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** Event times within a business day (07:00 to 23:00 Helsinki time) and the export formats. */
final class Clock {
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final DateTimeFormatter TICKET = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  static final DateTimeFormatter GA4 = DateTimeFormatter.ofPattern("yyyyMMdd");

  private Clock() {}

  /** {@code n} sorted local times on {@code day}. */
  static LocalDateTime[] times(Rand rand, LocalDate day, int n) {
    int[] seconds = new int[n];
    for (int i = 0; i < n; i++) {
      seconds[i] = 7 * 3600 + rand.nextInt(16 * 3600);
    }
    Arrays.sort(seconds);
    LocalDateTime[] out = new LocalDateTime[n];
    for (int i = 0; i < n; i++) {
      out[i] = day.atStartOfDay().plusSeconds(seconds[i]);
    }
    return out;
  }

  static String withOffset(LocalDateTime local) {
    return ZonedDateTime.of(local, HELSINKI).format(OFFSET);
  }

  static String utc(LocalDateTime local) {
    return ZonedDateTime.of(local, HELSINKI)
        .withZoneSameInstant(ZoneId.of("UTC"))
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'"));
  }
}
