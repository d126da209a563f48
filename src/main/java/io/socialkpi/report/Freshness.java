package io.socialkpi.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How fresh a run's outcomes are: the date the data runs through ({@code
 * objective_summary.latest_window_end}) and the objectives whose data ends so long before the run
 * date that the verdicts describe the past. A run of today over an export that ended months ago
 * must say so before anything else.
 *
 * @param staleAfter the age that counts as stale; null: two windows of {@code unit}
 * @param unit the run's window in words: day, week or month
 */
record Freshness(LocalDate runDate, Duration staleAfter, String unit) {

  /** The first day whose data is no longer fresh: older data ends before it. */
  LocalDate cutoff() {
    if (staleAfter != null) {
      return runDate.minusDays(Math.max(1, staleAfter.toDays()));
    }
    ChronoUnit step =
        switch (Words.windowUnit(unit)) {
          case DAY -> ChronoUnit.DAYS;
          case WEEK -> ChronoUnit.WEEKS;
          case MONTH -> ChronoUnit.MONTHS;
        };
    return runDate.minus(2, step);
  }

  /** The latest date any objective's outcome runs through, or null without outcome data. */
  String dataThrough(List<Facts.Objective> objectives) {
    return objectives.stream()
        .filter(o -> !o.controlEntity())
        .map(Facts.Objective::latestWindowEnd)
        .filter(Objects::nonNull)
        .max(LocalDate::compareTo)
        .map(Numbers::date)
        .orElse(null);
  }

  /**
   * One line per objective and entity whose outcome ends before {@link #cutoff()}: "Online sales
   * (north): data through 22 Dec 2025, 343 days before the run date".
   */
  List<String> stale(List<Facts.Objective> objectives) {
    LocalDate cutoff = cutoff();
    List<String> out = new ArrayList<>();
    for (Facts.Objective o : objectives) {
      LocalDate end = o.latestWindowEnd();
      if (end != null && end.isBefore(cutoff)) {
        long days = ChronoUnit.DAYS.between(end, runDate);
        out.add(
            o.displayName()
                + ("all".equals(o.entity()) ? "" : " (" + o.entity() + ")")
                + ": data through "
                + Numbers.date(end)
                + ", "
                + Numbers.count(days)
                + (days == 1 ? " day" : " days")
                + " before the run date");
      }
    }
    return out;
  }
}
