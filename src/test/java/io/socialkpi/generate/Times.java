package io.socialkpi.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A config's time pattern applied strictly: 2024-02-30 is an error, not 2024-02-29 as the default
 * (smart) resolver would have it. Patterns with an offset give an instant, with hours a local time,
 * otherwise a calendar date.
 */
final class Times {
  private final DateTimeFormatter format;
  private final String pattern;

  Times(String pattern) {
    this.pattern = pattern;
    // Strict resolution needs the proleptic year (u), not the year of era (y).
    this.format =
        DateTimeFormatter.ofPattern(pattern.replace('y', 'u'))
            .withResolverStyle(ResolverStyle.STRICT);
  }

  boolean parses(String text) {
    try {
      if (pattern.contains("X")) {
        OffsetDateTime.parse(text, format);
      } else if (pattern.contains("H")) {
        LocalDateTime.parse(text, format);
      } else {
        LocalDate.parse(text, format);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
