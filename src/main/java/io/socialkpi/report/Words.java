package io.socialkpi.report;

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

  static String windows(String unit, int n) {
    return n + " " + window(unit) + (n == 1 ? "" : "s");
  }

  /** The usual symbol of a correlation method. */
  static String symbol(String method) {
    if (method == null) {
      return "r";
    }
    return switch (method) {
      case "spearman" -> "\u03c1";
      case "kendall" -> "\u03c4";
      default -> "r";
    };
  }

  static String capitalized(String s) {
    return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
