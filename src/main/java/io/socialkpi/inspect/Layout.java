package io.socialkpi.inspect;

import io.socialkpi.config.CsvOptions;
import io.socialkpi.source.Headers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a file's header and data are: Excel's {@code sep=} line, lines before the header (a {@code
 * #} comment block as GA writes it, title or metadata rows), the delimiter, the header, the header
 * rows after it (Facebook's descriptions, Qualtrics' labels and {@code {"ImportId":...}} row), and
 * the data rows sampled, with what the reader would quarantine among them.
 *
 * @param skipLines {@code csv.skip-lines}: lines before the header the reader skips
 * @param comment whether the lines before the header (after a {@code sep=} line) are all {@code #}
 *     comments and no data row starts with {@code #}, so {@code csv.comment = "#"} skips them
 *     whatever their number in the next export
 * @param metadata whether the lines before the header are metadata rows ({@code Report:,Mentions},
 *     {@code From:,2023-12-25}, as Brandwatch writes them), whose number varies from export to
 *     export: {@code csv.skip-lines = auto} finds the header below them
 * @param headerLine the header's line number (1-based)
 * @param data the data rows sampled, of the header's width (blank lines and rows of another width
 *     left out: the reader quarantines them)
 * @param cut the sample ends before the file does (its size, or the row limit)
 * @param notes what the reader would quarantine or skip among the rows sampled
 */
record Layout(
    char delimiter,
    boolean sepLine,
    int skipLines,
    boolean comment,
    boolean metadata,
    List<String> header,
    int headerLine,
    int headerRows,
    List<Row> data,
    boolean cut,
    List<String> notes) {

  /** Header rows after the first at most: Qualtrics has two. */
  static final int MAX_EXTRA_HEADER_ROWS = 3;

  /**
   * A metadata row: a label ending in a colon, then its value or nothing ({@code Report:,Mentions},
   * {@code "Label:",}), never a row of data or a header.
   */
  private static final java.util.regex.Pattern METADATA_ROW =
      java.util.regex.Pattern.compile("\\s*\"?[^\",;\\t]{1,60}:\"?\\s*([,;\\t].*)?");

  /** Rows looked at for the header: title and metadata rows come first. */
  private static final int HEADER_SEARCH = 60;

  static Layout find(String file, List<String> lines, int maxRows, boolean wholeText) {
    if (lines.isEmpty() || lines.stream().allMatch(String::isBlank)) {
      throw new InspectException(file + " holds only blank lines: no header, no rows");
    }
    String hint = Headers.separatorHint(lines.get(0));
    boolean sepLine = hint != null;
    int start = sepLine ? 1 : 0;
    int pre = start;
    boolean onlyComments = true;
    while (pre < lines.size() && (lines.get(pre).startsWith("#") || lines.get(pre).isBlank())) {
      onlyComments &= !lines.get(pre).isBlank();
      pre++;
    }
    // A block of metadata rows (blank lines among or after them) before the header: a small file
    // has more of them than rows of its table, whose width would then be taken for theirs.
    int labels = pre;
    while (labels < lines.size()
        && (METADATA_ROW.matcher(lines.get(labels)).matches()
            || (labels > pre && lines.get(labels).isBlank()))) {
      labels++;
    }
    boolean metadata = labels > pre && labels < lines.size();
    if (metadata) {
      pre = labels;
      onlyComments = false;
    }
    char delimiter =
        hint != null && !hint.isEmpty()
            ? hint.charAt(0)
            : Delimiters.sniff(lines, pre, null).delimiter();
    CsvOptions csv = Delimiters.options(delimiter, null);
    int width = Delimiters.guess(lines, pre, csv).width();
    Row header = null;
    for (Row r : Records.read(lines, pre, csv, HEADER_SEARCH).rows()) {
      if (!r.blank() && r.width() == width) {
        header = r;
        break;
      }
    }
    if (header == null) {
      throw new InspectException(file + " has no line that could be its header");
    }
    if (header.lines() > 1) {
      throw new InspectException(
          file
              + " has a header (line "
              + header.line()
              + ") with a line break inside a quoted column name: the reader cannot read it;"
              + " remove the line break from the header");
    }
    onlyComments &= header.line() - 1 == pre;
    Records.Result after = Records.read(lines, header.line(), csv, maxRows + 50);
    List<Row> rows = after.rows();
    int extra = 0;
    while (extra < Math.min(MAX_EXTRA_HEADER_ROWS, rows.size()) && headerRow(rows.get(extra))) {
      extra++;
    }
    List<String> notes = new ArrayList<>();
    List<Row> data = new ArrayList<>();
    // More lines than were read into rows, or a file longer than the sample: rows not sampled.
    boolean cut = !wholeText || (!after.openAtEnd() && after.next() < lines.size());
    int blanks = 0;
    int otherWidth = 0;
    Row firstOther = null;
    for (int i = extra; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (data.size() == maxRows) {
        cut = true;
        break;
      }
      if (r.blank()) {
        Row next = nextFilled(rows, i);
        if (next != null && (next.width() != width || headerRow(next))) {
          notes.add(anotherTable(r, next));
          cut = false;
          break;
        }
        blanks++;
      } else if (r.width() != width) {
        otherWidth++;
        firstOther = firstOther == null ? r : firstOther;
      } else {
        data.add(r);
      }
    }
    if (after.openAtEnd() && wholeText) {
      notes.add(
          "a quote opened at line "
              + (after.next() + 1)
              + " is never closed: its lines are quarantined as unbalanced_quote");
    }
    if (blanks > 0) {
      notes.add(blanks + " blank line(s) among the rows: each is quarantined as blank_line");
    }
    if (otherWidth > 0) {
      notes.add(
          otherWidth
              + " row(s) with another number of fields than the header's "
              + width
              + " (first at line "
              + firstOther.line()
              + "): quarantined as wrong_field_count");
    }
    boolean comment =
        onlyComments && pre > start && data.stream().noneMatch(r -> r.text().startsWith("#"));
    int skipLines = comment ? start : header.line() - 1;
    return new Layout(
        delimiter,
        sepLine,
        skipLines,
        comment,
        metadata && skipLines > 0,
        names(header),
        header.line(),
        1 + extra,
        List.copyOf(data),
        cut,
        List.copyOf(notes));
  }

  /** Rows that repeat an earlier row exactly: the reader quarantines them as duplicate. */
  int duplicates() {
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (Row r : data) {
      n += seen.add(r.text()) ? 0 : 1;
    }
    return n;
  }

  /**
   * A row under the header that is not data: no cell reads as a time, and fewer than half of its
   * filled cells are numbers (descriptions, localized labels, import ids).
   */
  private static boolean headerRow(Row r) {
    if (r.blank()) {
      return false;
    }
    int filled = 0;
    int numbers = 0;
    for (String cell : r.fields()) {
      if (Row.empty(cell)) {
        continue;
      }
      filled++;
      if (TimePatterns.anyParses(cell)) {
        return false;
      }
      numbers += NumberFormats.anyFormat(cell) ? 1 : 0;
    }
    return filled > 0 && numbers * 2 < filled;
  }

  private static Row nextFilled(List<Row> rows, int i) {
    for (int j = i + 1; j < rows.size(); j++) {
      if (!rows.get(j).blank()) {
        return rows.get(j);
      }
    }
    return null;
  }

  private static String anotherTable(Row blank, Row next) {
    String start = next.text().length() > 40 ? next.text().substring(0, 40) + "..." : next.text();
    return "line "
        + blank.line()
        + " is blank and another table follows (line "
        + next.line()
        + ": '"
        + start
        + "'): with csv.tables = blank-line-separated (set by the GA presets) the source reads"
        + " the table whose header has its columns";
  }

  /** Column names as the reader takes them: trimmed, an empty one "". */
  private static List<String> names(Row header) {
    List<String> names = new ArrayList<>();
    for (String f : header.fields()) {
      names.add(f == null ? "" : f.trim());
    }
    return names;
  }
}
