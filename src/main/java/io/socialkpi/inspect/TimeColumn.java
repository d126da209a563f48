package io.socialkpi.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The column a source's windows come from, and its pattern: the preset's when one fits, otherwise
 * the column whose every sampled value one pattern reads, preferring one that is never empty and
 * whose name says it is a time ({@code Date}, {@code Posted}, {@code RecordedDate}). Rows without a
 * time that are totals (YouTube Studio's {@code Total} row) become {@code skip-rows}.
 *
 * @param index the column's position in the header
 * @param fit how its pattern reads the sampled values; null when there are none (a header only)
 * @param empty sampled rows whose cell is empty and are not skipped: quarantined as missing_value
 * @param skipRows a totals row's condition ({@code Content = Total}), or empty
 * @param skipped sampled rows that condition leaves out
 * @param others the other columns holding times
 */
record TimeColumn(
    String column,
    int index,
    String pattern,
    TimePatterns.Fit fit,
    int empty,
    Map<String, String> skipRows,
    int skipped,
    List<String> others) {

  private static final Pattern TIME_NAME =
      Pattern.compile(
          "(?i).*(date|time|day|posted|created|published|recorded|timestamp|datum|fecha).*");

  /** First cells of rows that are totals, not data. */
  private static final Pattern TOTAL =
      Pattern.compile("(?i)(grand )?totals?|sum|summe|gesamt(summe)?|total general|totaal");

  /** The non-empty cells of column {@code c}. */
  static List<String> values(Layout layout, int c) {
    List<String> values = new ArrayList<>();
    for (Row r : layout.data()) {
      if (!Row.empty(r.cell(c))) {
        values.add(r.cell(c));
      }
    }
    return values;
  }

  /** The fit of every column with values that one pattern reads, by position. */
  static Map<Integer, TimePatterns.Fit> fits(Layout layout) {
    Map<Integer, TimePatterns.Fit> fits = new LinkedHashMap<>();
    for (int c = 0; c < layout.header().size(); c++) {
      TimePatterns.Fit fit = TimePatterns.fit(values(layout, c));
      if (fit != null) {
        fits.put(c, fit);
      }
    }
    return fits;
  }

  /** The time column by the rules above; the preset's column and pattern when it has one. */
  static TimeColumn choose(
      String file, Layout layout, Map<Integer, TimePatterns.Fit> fits, Presets.Preset preset) {
    List<String> header = layout.header();
    int index = -1;
    String pattern = null;
    TimePatterns.Fit fit = null;
    if (preset != null) {
      index = header.indexOf(preset.timeColumn());
      pattern = preset.pattern();
      fit = TimePatterns.check(pattern, values(layout, index));
    } else if (!fits.isEmpty()) {
      int best = -1;
      for (int c : fits.keySet()) {
        if (best < 0 || score(layout, c) > score(layout, best)) {
          best = c;
        }
      }
      index = best;
      fit = fits.get(best);
      pattern = fit.pattern();
    } else if (layout.data().isEmpty()) {
      for (int c = 0; c < header.size() && index < 0; c++) {
        index = TIME_NAME.matcher(header.get(c)).matches() ? c : -1;
      }
      pattern = "yyyy-MM-dd";
    }
    if (index < 0) {
      throw new InspectException(noTimeColumn(file, layout));
    }
    List<String> others = new ArrayList<>();
    for (int c : fits.keySet()) {
      if (c != index) {
        others.add(header.get(c));
      }
    }
    Map<String, String> skipRows = new LinkedHashMap<>();
    int empty = 0;
    int skipped = 0;
    String total = null;
    for (Row r : layout.data()) {
      if (Row.empty(r.cell(index))) {
        empty++;
        String first = r.cell(0) == null ? "" : Row.trim(r.cell(0));
        total = total == null || total.equals(first) ? first : "";
      }
    }
    if (empty > 0 && index != 0 && TOTAL.matcher(total).matches()) {
      skipRows.put(header.get(0), total);
      skipped = empty;
      empty = 0;
    }
    return new TimeColumn(
        header.get(index),
        index,
        pattern,
        fit,
        empty,
        Map.copyOf(skipRows),
        skipped,
        List.copyOf(others));
  }

  /** Never empty first, then a time's name; ties go to the first column. */
  private static int score(Layout layout, int c) {
    boolean full = values(layout, c).size() == layout.data().size();
    return (full ? 2 : 0) + (TIME_NAME.matcher(layout.header().get(c)).matches() ? 1 : 0);
  }

  private static String noTimeColumn(String file, Layout layout) {
    StringBuilder s = new StringBuilder(file);
    if (layout.data().isEmpty()) {
      return s.append(" has a header and no rows, and no column is named like a time (")
          .append(String.join(", ", layout.header()))
          .append("): a source needs a time column")
          .toString();
    }
    s.append(" has no column whose every sampled value one time pattern reads")
        .append(" (a source needs a time column)");
    for (int c = 0; c < layout.header().size(); c++) {
      String name = layout.header().get(c);
      List<String> values = values(layout, c);
      if (!TIME_NAME.matcher(name).matches() || values.isEmpty()) {
        continue;
      }
      s.append("; column '").append(name).append("' holds '").append(values.get(0)).append("'");
      TimePatterns.refusedButReading(values)
          .forEach(
              (p, why) ->
                  s.append(": pattern \"").append(p).append("\" reads it but ").append(why));
    }
    return s.append(". Patterns tried: ")
        .append(String.join(", ", TimePatterns.CANDIDATES))
        .toString();
  }
}
