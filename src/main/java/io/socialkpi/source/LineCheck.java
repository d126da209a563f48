package io.socialkpi.source;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.SourceSpec;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates one parsed text line and turns it into an observation, in plain Java: the same checks,
 * in the same order and with the same details, as {@link Observations} applies as Spark columns (a
 * differential test holds them equal). A line that fails gets the first {@link QuarantineReason}
 * that applies; a reason the parser already gave wins.
 */
final class LineCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String timeColumn;
  private final String pattern;
  private final TimeText time;
  private final NumberText numbers;
  private final int entity;
  private final String entityColumn;
  private final int[] valueFields;
  private final String[] valueColumns;
  private final String[] nonNegative;
  private final int[] metricValue;
  private final String[] markers;
  private final int[] skipFields;
  private final Set<String>[] skipSets;
  private final int[][] whereFields;
  private final Set<String>[][] whereSets;
  private final LocalDate runDate;
  private final long runDay;
  private final LocalDate earliest;
  private final long earliestDay;
  private final WindowUnit window;
  private int lastDay = Integer.MIN_VALUE;
  private int lastWindowStart;

  @SuppressWarnings("unchecked")
  LineCheck(SourceSpec source, RunSettings run) {
    List<String> columns = source.columns();
    this.timeColumn = source.time().column();
    this.pattern = source.time().pattern();
    this.time = TimeText.of(source.time(), run.zone());
    this.numbers = NumberText.of(source);
    this.entity = source.hasEntity() ? columns.indexOf(source.entity()) : -1;
    this.entityColumn = source.entity();
    List<String> values = Observations.valueColumns(source);
    this.valueColumns = values.toArray(new String[0]);
    this.valueFields = new int[values.size()];
    this.nonNegative = new String[values.size()];
    for (int k = 0; k < valueFields.length; k++) {
      valueFields[k] = columns.indexOf(values.get(k));
      for (MetricSpec m : source.metrics()) {
        if (nonNegative[k] == null && m.nonNegative() && values.get(k).equals(m.column())) {
          nonNegative[k] = m.id();
        }
      }
    }
    this.markers = source.missingMarkers().toArray(new String[0]);
    this.skipFields = new int[source.skipRows().size()];
    this.skipSets = new Set[skipFields.length];
    int sc = 0;
    for (Map.Entry<String, List<String>> cond : source.skipRows().entrySet()) {
      skipFields[sc] = columns.indexOf(cond.getKey());
      skipSets[sc++] = Set.copyOf(cond.getValue());
    }
    List<MetricSpec> metrics = source.metrics();
    this.metricValue = new int[metrics.size()];
    this.whereFields = new int[metrics.size()][];
    for (int i = 0; i < metrics.size(); i++) {
      MetricSpec m = metrics.get(i);
      metricValue[i] = m.column() == null ? -1 : values.indexOf(m.column());
      whereFields[i] = new int[m.where().size()];
      int c = 0;
      for (Map.Entry<String, List<String>> cond : m.where().entrySet()) {
        whereFields[i][c++] = columns.indexOf(cond.getKey());
      }
    }
    this.whereSets = new Set[metrics.size()][];
    for (int i = 0; i < metrics.size(); i++) {
      List<List<String>> conds = List.copyOf(metrics.get(i).where().values());
      whereSets[i] = new Set[conds.size()];
      for (int c = 0; c < conds.size(); c++) {
        whereSets[i][c] = Set.copyOf(conds.get(c));
      }
    }
    this.runDate = run.runDateOrToday();
    this.runDay = runDate.toEpochDay();
    this.earliest = source.time().earliest();
    this.earliestDay = earliest == null ? Long.MIN_VALUE : earliest.toEpochDay();
    this.window = run.window();
  }

  /** How many metric values an accepted record carries. */
  int metrics() {
    return metricValue.length;
  }

  /**
   * Writes the line's record: kind, split start, line index and raw text, then either the
   * quarantine reason and detail or the observation.
   */
  void write(LineParser.Parsed p, long splitStart, long index, LineRecord.Writer out) {
    out.reset();
    String[] f = p.fields();
    if (p.reason() != null) {
      rejected(out, p, splitStart, index, p.reason(), p.detail());
      return;
    }
    if (skipped(f)) {
      out.putByte(LineRecord.SKIPPED).putLong(splitStart).putLong(index).putString(p.raw());
      return;
    }
    String timeText = f[0];
    if (blank(timeText)) {
      rejected(out, p, splitStart, index, QuarantineReason.MISSING_VALUE, empty(timeColumn));
      return;
    }
    long micros = time.instantMicros(timeText);
    if (micros == TimeText.NONE) {
      rejected(
          out,
          p,
          splitStart,
          index,
          QuarantineReason.BAD_TIME,
          "'" + timeText + "' does not match '" + pattern + "'");
      return;
    }
    int day = time.day(timeText, micros);
    if (day != Integer.MIN_VALUE && day > runDay) {
      rejected(
          out,
          p,
          splitStart,
          index,
          QuarantineReason.FUTURE_TIME,
          "'"
              + timeText
              + "' is on "
              + LocalDate.ofEpochDay(day)
              + ", after the run date "
              + runDate);
      return;
    }
    if (earliest != null && day != Integer.MIN_VALUE && day < earliestDay) {
      rejected(
          out,
          p,
          splitStart,
          index,
          QuarantineReason.IMPLAUSIBLE_TIME,
          "'"
              + timeText
              + "' is on "
              + LocalDate.ofEpochDay(day)
              + ", before time.earliest "
              + earliest
              + " (a placeholder date? set time.earliest if it is real)");
      return;
    }
    if (entity >= 0 && blank(f[entity])) {
      rejected(out, p, splitStart, index, QuarantineReason.MISSING_VALUE, empty(entityColumn));
      return;
    }
    // An empty metric cell is a missing value of the metrics over that column only.
    double[] parsed = new double[valueFields.length];
    for (int k = 0; k < valueFields.length; k++) {
      String text = f[valueFields[k]];
      if (missing(text)) {
        parsed[k] = LineRecord.MISSING;
        continue;
      }
      parsed[k] = numbers.parse(text);
      if (Double.isNaN(parsed[k])) {
        rejected(
            out,
            p,
            splitStart,
            index,
            QuarantineReason.NON_NUMERIC,
            "'"
                + text
                + "' in column '"
                + valueColumns[k]
                + "' is not a number"
                + numbers.hint(text));
        return;
      }
    }
    for (int k = 0; k < valueFields.length; k++) {
      if (nonNegative[k] != null && parsed[k] < 0.0) { // false for MISSING (NaN)
        rejected(
            out,
            p,
            splitStart,
            index,
            QuarantineReason.NEGATIVE_VALUE,
            "'"
                + f[valueFields[k]]
                + "' in column '"
                + valueColumns[k]
                + "' is negative ("
                + nonNegative[k]
                + " is non-negative)");
        return;
      }
    }
    out.putByte(LineRecord.ACCEPTED).putLong(splitStart).putLong(index).putString(p.raw());
    out.putString(entity >= 0 ? TimeText.trim(f[entity]) : Observations.ALL);
    out.putInt(windowStart(day));
    out.putLong(micros);
    out.putInt(day);
    for (int i = 0; i < metricValue.length; i++) {
      out.putDouble(
          matches(i, f) ? (metricValue[i] < 0 ? 1.0 : parsed[metricValue[i]]) : Double.NaN);
    }
  }

  /** The first day of the window holding {@code day}; lines in file order repeat their day. */
  private int windowStart(int day) {
    if (day != lastDay) {
      lastDay = day;
      lastWindowStart = (int) window.start(LocalDate.ofEpochDay(day)).toEpochDay();
    }
    return lastWindowStart;
  }

  /** Whether the row meets every skip-rows condition (there is at least one). */
  private boolean skipped(String[] f) {
    if (skipFields.length == 0) {
      return false;
    }
    for (int c = 0; c < skipFields.length; c++) {
      String v = f[skipFields[c]];
      if (v == null || !skipSets[c].contains(TimeText.trim(v))) {
        return false;
      }
    }
    return true;
  }

  private boolean matches(int metric, String[] f) {
    int[] fields = whereFields[metric];
    for (int c = 0; c < fields.length; c++) {
      String v = f[fields[c]];
      if (v == null || !whereSets[metric][c].contains(TimeText.trim(v))) {
        return false;
      }
    }
    return true;
  }

  private static void rejected(
      LineRecord.Writer out,
      LineParser.Parsed p,
      long splitStart,
      long index,
      QuarantineReason reason,
      String detail) {
    out.putByte(LineRecord.REJECTED).putLong(splitStart).putLong(index).putString(p.raw());
    out.putByte(reason.ordinal()).putString(detail);
  }

  /** Whether a metric cell is empty or one of the source's missing markers. */
  private boolean missing(String text) {
    if (blank(text)) {
      return true;
    }
    if (markers.length == 0) {
      return false;
    }
    String t = TimeText.trim(text);
    for (String m : markers) {
      if (m.equals(t)) {
        return true;
      }
    }
    return false;
  }

  private static String empty(String column) {
    return "column '" + column + "' is empty";
  }

  private static boolean blank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }
}
