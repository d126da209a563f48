package io.socialkpi.inspect;

import io.socialkpi.config.TimeSpec;
import io.socialkpi.source.TimeText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time patterns exports are written in, each checked with the reader's own parser ({@link
 * TimeText}, Spark's formatter behind a fixed-width fast path), so a pattern inspect suggests reads
 * every sampled value exactly as the job will. X's {@code "Fri, Apr 26, 2024"} reads with a leading
 * weekday, which the reader skips; patterns Spark refuses (a weekday elsewhere) are kept only to
 * say why a column cannot be read.
 *
 * <p>Order matters where two patterns read the same text: fixed-width ones first (the reader parses
 * them digit by digit, much faster), month before day for slashes (US exports: Facebook, Google
 * Forms), day before month for dashes and dots (YouTube's {@code 13-06-2025}).
 */
final class TimePatterns {
  static final List<String> CANDIDATES =
      List.of(
          "yyyy-MM-dd",
          "MM/dd/yyyy",
          "M/d/yyyy",
          "dd/MM/yyyy",
          "d/M/yyyy",
          "dd-MM-yyyy",
          "MM-dd-yyyy",
          "dd.MM.yyyy",
          "d.M.yyyy",
          "yyyy/MM/dd",
          "yyyyMMdd",
          "M/d/yy",
          "d/M/yy",
          "dd.MM.yy",
          "MMM d, yyyy",
          "MMMM d, yyyy",
          "d MMM yyyy",
          "dd-MMM-yy",
          "EEE, MMM d, yyyy",
          "yyyy-MM-dd HH:mm:ss",
          "yyyy-MM-dd HH:mm",
          "yyyy-MM-dd HH:mm:ss.SSS",
          "yyyy-MM-dd HH:mm Z",
          "yyyy-MM-dd HH:mm:ss Z",
          "yyyy-MM-dd'T'HH:mm:ss",
          "yyyy-MM-dd'T'HH:mm",
          "yyyy-MM-dd'T'HH:mm:ssXXX",
          "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
          "MM/dd/yyyy hh:mm:ss a",
          "M/d/yyyy h:mm:ss a",
          "M/d/yyyy h:mm a",
          "MM/dd/yyyy HH:mm",
          "M/d/yyyy H:mm:ss",
          "M/d/yyyy H:mm",
          "dd/MM/yyyy HH:mm:ss",
          "dd/MM/yyyy HH:mm",
          "dd.MM.yyyy HH:mm:ss",
          "dd.MM.yyyy HH:mm",
          "dd-MMM-yyyy hh:mma");

  /** Dates outside these years are no export's dates: ids or amounts that look like yyyyMMdd. */
  private static final LocalDate FROM = LocalDate.of(1900, 1, 1);

  private static final LocalDate TO = LocalDate.of(2100, 12, 31);
  private static final long DAY_MICROS = 86_400_000_000L;
  private static final ZoneId UTC = ZoneId.of("UTC");

  /** Readers by pattern; null where Spark refuses the pattern. */
  private static final Map<String, java.util.Optional<TimeText>> READERS =
      new ConcurrentHashMap<>();

  private TimePatterns() {}

  /**
   * A pattern that reads every sampled value of a column.
   *
   * @param oneRowPerDay every value names another day, at midnight: a daily series
   * @param alsoFits other candidates that read every value too, but as other days (day and month
   *     swapped): the summary says so, as only the analyst can tell
   */
  record Fit(
      String pattern,
      LocalDate first,
      LocalDate last,
      boolean oneRowPerDay,
      List<String> alsoFits) {
    boolean dateOnly() {
      return spec(pattern).dateOnly();
    }

    boolean carriesOffset() {
      return spec(pattern).carriesOffset();
    }
  }

  /** The first candidate that reads every value (non-blank cells), or null. */
  static Fit fit(List<String> values) {
    if (values.isEmpty() || !timeLike(values.get(0))) {
      return null;
    }
    for (String pattern : CANDIDATES) {
      Fit fit = check(pattern, values);
      if (fit != null) {
        return alternatives(fit, values);
      }
    }
    return null;
  }

  /**
   * The fit of {@code pattern} (any the config accepts), or null where a value does not parse or
   * there is none.
   */
  static Fit check(String pattern, List<String> values) {
    TimeText reader = reader(pattern);
    if (reader == null || values.isEmpty()) {
      return null;
    }
    LocalDate first = null;
    LocalDate last = null;
    Set<Integer> days = new HashSet<>();
    boolean daily = true;
    for (String v : values) {
      long micros = reader.instantMicros(v);
      if (micros == TimeText.NONE) {
        return null;
      }
      int day = reader.day(v, micros);
      LocalDate date = LocalDate.ofEpochDay(day);
      if (date.isBefore(FROM) || date.isAfter(TO)) {
        return null;
      }
      first = first == null || date.isBefore(first) ? date : first;
      last = last == null || date.isAfter(last) ? date : last;
      daily &= days.add(day) && Math.floorMod(micros, DAY_MICROS) == 0;
    }
    return new Fit(pattern, first, last, daily && values.size() > 1, List.of());
  }

  /** Whether some candidate reads the cell: it could be a time, so its row is data. */
  static boolean anyParses(String cell) {
    if (Row.empty(cell) || !timeLike(cell)) {
      return false;
    }
    for (String pattern : CANDIDATES) {
      if (check(pattern, List.of(cell)) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Patterns Spark's parser refuses that {@code java.time} would read every value with, each with
   * why: said instead of a bare "no pattern fits".
   */
  static Map<String, String> refusedButReading(List<String> values) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pattern : CANDIDATES) {
      if (reader(pattern) != null) {
        continue;
      }
      DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.US);
      boolean all = true;
      for (String v : values) {
        try {
          f.parse(v.strip());
        } catch (RuntimeException e) {
          all = false;
          break;
        }
      }
      if (all && !values.isEmpty()) {
        out.put(pattern, "Spark's parser, which the job uses, does not accept it");
      }
    }
    return out;
  }

  /** A cheap first look: a time has a digit and is short; an 8-digit number may be yyyyMMdd. */
  private static boolean timeLike(String cell) {
    String t = cell.strip();
    if (t.isEmpty() || t.length() > 48 || t.chars().noneMatch(Character::isDigit)) {
      return false;
    }
    return !t.chars().allMatch(Character::isDigit) || t.length() == 8;
  }

  private static TimeText reader(String pattern) {
    return READERS
        .computeIfAbsent(
            pattern,
            p -> {
              if (parsingRefused(p)) {
                return java.util.Optional.empty();
              }
              try {
                return java.util.Optional.of(TimeText.of(spec(p), UTC));
              } catch (RuntimeException refused) {
                return java.util.Optional.empty();
              }
            })
        .orElse(null);
  }

  /**
   * Whether the pattern has a letter Spark's parser refuses ({@link TimeSpec#unreadable}: a weekday
   * but at the start, {@code F q Q}, week-based fields): known without asking Spark, whose
   * exception loads its error catalogue and would add two seconds to every inspect. {@code
   * TimePatternsTest} checks that Spark refuses each such candidate indeed.
   */
  static boolean parsingRefused(String pattern) {
    return TimeSpec.unreadable(pattern) != null;
  }

  private static TimeSpec spec(String pattern) {
    return new TimeSpec("time", pattern, UTC);
  }

  /** Adds the other candidates that read every value as other days. */
  private static Fit alternatives(Fit fit, List<String> values) {
    List<String> also = new ArrayList<>();
    TimeText chosen = reader(fit.pattern());
    for (String pattern : CANDIDATES) {
      TimeText other = reader(pattern);
      if (pattern.equals(fit.pattern()) || other == null || check(pattern, values) == null) {
        continue;
      }
      for (String v : values) {
        if (other.day(v, other.instantMicros(v)) != chosen.day(v, chosen.instantMicros(v))) {
          also.add(pattern);
          break;
        }
      }
    }
    return new Fit(fit.pattern(), fit.first(), fit.last(), fit.oneRowPerDay(), List.copyOf(also));
  }
}
