package io.socialkpi.source;

import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.SourceSpec;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

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
  private final Conditions skipRows;
  private final Conditions[] where;

  /** Fields of the source's {@code overlap.key} columns, written after the metric values. */
  private final int[] overlapKey;

  private final LocalDate runDate;
  private final long runDay;
  private final LocalDate earliest;
  private final long earliestDay;
  private final WindowUnit window;

  /** The week or month a row stands for ({@code time.grain}); null for a row of its own day. */
  private final WindowUnit period;

  private final PeriodStamp stamp;
  private final String periodRule;
  private int lastDay = Integer.MIN_VALUE;
  private int lastWindowStart;
  private boolean lastOnStamp;

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
    this.skipRows = new Conditions(source.skipRows(), columns);
    List<MetricSpec> metrics = source.metrics();
    this.metricValue = new int[metrics.size()];
    this.where = new Conditions[metrics.size()];
    for (int i = 0; i < metrics.size(); i++) {
      MetricSpec m = metrics.get(i);
      metricValue[i] = m.column() == null ? -1 : values.indexOf(m.column());
      where[i] = new Conditions(m.where(), columns);
    }
    this.overlapKey =
        source.overlap().newest()
            ? source.overlap().key().stream().mapToInt(columns::indexOf).toArray()
            : new int[0];
    this.runDate = run.runDateOrToday();
    this.runDay = runDate.toEpochDay();
    this.earliest = source.time().earliest();
    this.earliestDay = earliest == null ? Long.MIN_VALUE : earliest.toEpochDay();
    this.window = run.window();
    this.period = source.time().periodGrain() ? source.time().grain() : null;
    this.stamp = source.time().stamp();
    this.periodRule = period == null ? null : stamp.rule(period);
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
    if (!skipRows.isEmpty() && skipRows.matches(f)) {
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
    if (period != null && day != Integer.MIN_VALUE && !onStamp(day)) {
      rejected(
          out,
          p,
          splitStart,
          index,
          QuarantineReason.UNALIGNED_PERIOD,
          "'" + timeText + "' is on " + LocalDate.ofEpochDay(day) + ", " + periodRule);
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
    out.putString(entity >= 0 ? CellTrim.trim(f[entity]) : Observations.ALL);
    out.putInt(windowStart(day));
    out.putLong(micros);
    out.putInt(day);
    for (int i = 0; i < metricValue.length; i++) {
      out.putDouble(
          where[i].matches(f) ? (metricValue[i] < 0 ? 1.0 : parsed[metricValue[i]]) : Double.NaN);
    }
    // overlap.keep = newest: the key columns' trimmed text, which NewestRows compares across files.
    for (int k : overlapKey) {
      out.putString(f[k] == null ? null : CellTrim.trim(f[k]));
    }
  }

  /** The first day of the window holding {@code day}; lines in file order repeat their day. */
  private int windowStart(int day) {
    remember(day);
    return lastWindowStart;
  }

  /** Whether a row of a weekly or monthly source on {@code day} is stamped as its period is. */
  private boolean onStamp(int day) {
    remember(day);
    return lastOnStamp;
  }

  private void remember(int day) {
    if (day != lastDay) {
      LocalDate date = LocalDate.ofEpochDay(day);
      lastDay = day;
      lastWindowStart = (int) window.start(date).toEpochDay();
      lastOnStamp = period == null || stamp.on(period, date);
    }
  }

  private static void rejected(
      LineRecord.Writer out,
      LineParser.Parsed p,
      long splitStart,
      long index,
      QuarantineReason reason,
      String detail) {
    out.putByte(LineRecord.REJECTED).putLong(splitStart).putLong(index).putString(p.raw());
    out.putReason(reason).putString(detail);
  }

  /** Whether a metric cell is empty or one of the source's missing markers. */
  private boolean missing(String text) {
    if (blank(text)) {
      return true;
    }
    if (markers.length == 0) {
      return false;
    }
    String t = CellTrim.trim(text);
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
