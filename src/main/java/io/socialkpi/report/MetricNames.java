package io.socialkpi.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report's words for each metric, from {@code run_info.metrics}: its display name, its values
 * with their unit, and how a window's value reads: a total "a week", an average "on weekly
 * average". A metric the run does not list (a run written before the column) reads as its id in
 * words, its values without a unit, per window.
 */
final class MetricNames {
  private final Map<String, Facts.Metric> byId = new HashMap<>();
  private final String window;

  /**
   * Words the run's names write with a capital inside a name ("Facebook" in "Engaged Facebook
   * users"): proper nouns, which keep their capital at the start of a name in a sentence too.
   */
  private final Set<String> properNouns = new HashSet<>();

  MetricNames(List<Facts.Metric> metrics, String window) {
    for (Facts.Metric m : metrics) {
      byId.put(m.metricId(), m);
      if (m.name() != null) {
        String[] words = m.name().trim().split("\\s+", -1);
        for (int i = 1; i < words.length; i++) {
          if (!words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0))) {
            properNouns.add(words[i]);
          }
        }
      }
    }
    this.window = Words.window(window);
  }

  /** The display name as configured, e.g. "Online sales"; a control's {@code id@entity} too. */
  String name(String id) {
    if (id == null) {
      return "n/a";
    }
    int at = id.indexOf('@');
    if (at >= 0) {
      return name(id.substring(0, at)) + " in " + id.substring(at + 1);
    }
    Facts.Metric m = byId.get(id);
    return m == null || m.name() == null ? Words.metric(id) : m.name();
  }

  /**
   * The name inside a sentence: "online sales", but "CSAT score", "LinkedIn followers" and
   * "Facebook fans" (when another name has "Facebook" inside it) keep their capitals.
   */
  String inSentence(String id) {
    String n = name(id);
    int end = 0;
    while (end < n.length() && !Character.isWhitespace(n.charAt(end))) {
      end++;
    }
    String first = n.substring(0, end);
    boolean capitalWord =
        first.length() > 1
            && Character.isUpperCase(first.charAt(0))
            && first.substring(1).chars().noneMatch(Character::isUpperCase)
            && !properNouns.contains(first);
    return capitalWord ? n.substring(0, 1).toLowerCase(Locale.ROOT) + n.substring(1) : n;
  }

  /** A value with the metric's unit: "4,377 EUR", "3.4%", "4.08". */
  String value(String id, Double v) {
    return withUnit(id, Numbers.value(v));
  }

  /**
   * A signed change with the metric's unit: "+936 EUR". A change of a metric in percent is in
   * percentage points ("+0.24 percentage points"), never "+0.24%", which reads as a relative change
   * beside the sentences' relative changes.
   */
  String signed(String id, Double v) {
    Facts.Metric m = metric(id);
    String number = Numbers.signed(v);
    if (m != null && "%".equals(m.unit()) && !number.equals("n/a")) {
      return number + " percentage points";
    }
    return withUnit(id, number);
  }

  /** The metric of an id, a control's {@code id@entity} too; null for one the run does not list. */
  private Facts.Metric metric(String id) {
    if (id == null) {
      return null;
    }
    int at = id.indexOf('@');
    return byId.get(at < 0 ? id : id.substring(0, at));
  }

  private String withUnit(String id, String number) {
    Facts.Metric m = metric(id);
    if (m == null || m.unit() == null || number.equals("n/a")) {
      return number;
    }
    return m.unit().equals("%") ? number + "%" : number + " " + m.unit();
  }

  /**
   * How one window's value reads: "a week" for a total (a sum or count of amounts or counts), "on
   * weekly average" for a mean, a score or a rate, "at the end of the week" for a last value.
   */
  String per(String id) {
    Facts.Metric m = metric(id);
    String aggregate = m == null ? "sum" : String.valueOf(m.aggregate());
    boolean average = m != null && ("score".equals(m.kind()) || "rate".equals(m.kind()));
    return switch (aggregate) {
      case "last" -> "at the end of the " + window;
      case "min" -> "at the " + window + "'s lowest";
      case "max" -> "at the " + window + "'s highest";
      case "mean" -> "on " + often() + " average";
      default -> average ? "on " + often() + " average" : "a " + window;
    };
  }

  /** "daily", "weekly", "monthly". */
  private String often() {
    return switch (window) {
      case "day" -> "daily";
      case "week" -> "weekly";
      case "month" -> "monthly";
      default -> "per-" + window;
    };
  }
}
