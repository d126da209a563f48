package io.socialkpi.report;

import io.socialkpi.calendar.WindowUnit;
import java.util.Locale;

/** Names in the report: metric ids and window units as a manager reads them. */
final class Words {
  private Words() {}

  /** {@code page-insights.engaged-users} reads "page insights engaged users". */
  static String metric(String id) {
    return id == null ? "n/a" : id.replace('.', ' ').replace('-', ' ').replace('_', ' ');
  }

  /** "week", "day" or "month"; "window" when the run does not say. */
  static String window(String unit) {
    return unit == null ? "window" : unit.toLowerCase(Locale.ROOT);
  }

  /**
   * The calendar's window of a run's unit ("day", "week" or "month"); a week when the run does not
   * say, as the charts draw it.
   */
  static WindowUnit windowUnit(String unit) {
    for (WindowUnit u : WindowUnit.values()) {
      if (u.key().equals(unit)) {
        return u;
      }
    }
    return WindowUnit.WEEK;
  }

  static String windows(String unit, int n) {
    return n + " " + window(unit) + (n == 1 ? "" : "s");
  }

  static String capitalized(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
