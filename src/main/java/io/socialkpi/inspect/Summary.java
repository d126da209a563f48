package io.socialkpi.inspect;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The commented summary above the source block: what inspect found and how sure it is (encoding,
 * layout, rows sampled, time column and pattern, number format, preset), which columns it left out
 * and why, and what the reader would quarantine or skip in the rows it saw. HOCON comments, so the
 * block and its summary paste together.
 */
final class Summary {
  /** Column names listed per reason; the rest are counted. */
  private static final int NAMES = 4;

  private Summary() {}

  static String render(Inspection in) {
    List<String> out = new ArrayList<>();
    out.add("jobs/socialkpi inspect " + in.file);
    out.add("Paste the block into socialkpi.sources { } of a job config; check it with validate.");
    item(out, "encoding", in.encoding.description());
    Layout l = in.layout;
    item(out, "layout", layout(l));
    int rows = l.data().size() - in.time.skipped();
    item(
        out,
        "sampled",
        rows
            + " data row(s)"
            + (in.time.skipped() > 0 ? " and " + in.time.skipped() + " totals row(s)" : "")
            + ", "
            + (l.cut() ? "the first of a longer file" : "the whole file")
            + "; "
            + l.header().size()
            + " column(s)");
    TimeColumn t = in.time;
    item(out, "time", time(t, in.preset != null));
    if (t.fit() != null) {
      for (String other : t.fit().alsoFits()) {
        more(out, "the values also read as \"" + other + "\" (other days): check one date");
      }
    }
    if (!t.others().isEmpty()) {
      more(out, "other time columns: " + names(t.others()));
    }
    if (!in.numbers.plain()) {
      item(
          out,
          "numbers",
          "decimal separator '"
              + in.numbers.decimal()
              + "'"
              + (in.numbers.grouping() == null
                  ? ", no thousands separator"
                  : ", thousands separator '" + in.numbers.grouping() + "'"));
    }
    item(
        out,
        "preset",
        in.preset == null
            ? "none fits (the block sets the layout itself)"
            : in.preset.name() + ": its time column, pattern and header rows fit this file");
    Metrics.Choice m = in.metrics;
    long columns = m.metrics().stream().filter(x -> x.column() != null).count();
    item(
        out,
        "metrics",
        m.numeric()
            + " numeric column(s); the block reads "
            + columns
            + (m.metrics().size() > columns ? ", and counts rows" : ""));
    String label = "left out";
    for (Metrics.LeftOut left : m.leftOut()) {
      item(out, label, names(left.columns()) + ": " + left.why());
      label = "";
    }
    for (String note : notes(in)) {
      item(out, "note", note);
    }
    return out.stream()
        .map(s -> ("# " + s).stripTrailing())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String layout(Layout l) {
    StringBuilder s = new StringBuilder("delimiter \"" + Delimiters.show(l.delimiter()) + "\"");
    s.append("; header on line ").append(l.headerLine());
    if (l.headerRows() > 1) {
      s.append(", ").append(l.headerRows() - 1);
      s.append(" more header row(s) under it (descriptions, labels or import ids, not data)");
    }
    if (l.sepLine()) {
      s.append("; line 1 is Excel's sep= hint");
    }
    int before = l.headerLine() - 1 - (l.sepLine() ? 1 : 0);
    if (before > 0) {
      s.append("; ").append(before).append(" line(s) before the header");
      s.append(
          l.comment()
              ? " are # comments"
              : l.metadata()
                  ? " are metadata rows, skipped whatever their number (csv.skip-lines = auto)"
                  : " are skipped (title, comments or metadata)");
    }
    return s.toString();
  }

  private static String time(TimeColumn t, boolean preset) {
    if (t.fit() == null) {
      return "'"
          + t.column()
          + (preset ? "' as the preset reads it" : "' by its name")
          + "; pattern \""
          + t.pattern()
          + "\" unchecked: no rows to read";
    }
    TimePatterns.Fit f = t.fit();
    return "'"
        + t.column()
        + "' as \""
        + t.pattern()
        + "\": "
        + (f.first().equals(f.last()) ? f.first() : f.first() + " to " + f.last())
        + (f.oneRowPerDay() ? ", one row per day" : "")
        + (f.dateOnly() || f.carriesOffset() ? "" : "; no offset: the times are read in time.zone");
  }

  private static List<String> notes(Inspection in) {
    List<String> notes = new ArrayList<>();
    if (in.encoding.utf16()) {
      notes.add("UTF-16 files are read whole, by one task each (not in parallel splits)");
    }
    String glob = SourceNames.otherPeriods(in.file);
    if (glob != null) {
      notes.add("path = \"" + glob + "\" would read the exports of other periods too");
    }
    notes.addAll(in.layout.notes());
    TimeColumn t = in.time;
    if (!t.skipRows().isEmpty()) {
      notes.add(
          "a totals row has no time: skip-rows leaves out rows whose "
              + t.skipRows().entrySet().stream()
                  .map(e -> "'" + e.getKey() + "' is '" + e.getValue() + "'")
                  .collect(Collectors.joining(" and ")));
    }
    if (t.empty() > 0) {
      notes.add(
          t.empty()
              + " sampled row(s) have no time in '"
              + t.column()
              + "': quarantined as missing_value");
    }
    // Today in UTC: the zone TimePatterns reads the sample's dates in, and the default time.zone.
    if (t.fit() != null && t.fit().last().isAfter(LocalDate.now(ZoneOffset.UTC))) {
      notes.add("times after today: quarantined as future_time until a run date reaches them");
    }
    int duplicates = in.layout.duplicates();
    if (duplicates > 0) {
      notes.add(
          duplicates
              + " row(s) repeat an earlier row exactly: quarantined as duplicate (set dedupe ="
              + " false if the repeats are real)");
    }
    return notes;
  }

  private static String names(List<String> columns) {
    String shown =
        columns.stream().limit(NAMES).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
    return columns.size() > NAMES ? shown + " and " + (columns.size() - NAMES) + " more" : shown;
  }

  private static void item(List<String> out, String label, String text) {
    out.add(String.format("  %-9s %s", label, text));
  }

  private static void more(List<String> out, String text) {
    item(out, "", text);
  }
}
