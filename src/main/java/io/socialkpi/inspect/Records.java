package io.socialkpi.inspect;

import com.univocity.parsers.csv.CsvParser;
import io.socialkpi.config.CsvOptions;
import io.socialkpi.source.CsvFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the sample into lines and records exactly as the reader will: lines at {@code \n}, {@code
 * \r\n} or a lone {@code \r} (Hadoop's line reader), a line that leaves a quoted field open held
 * with the following lines until one closes it ({@link CsvFields#endsInQuote}), each record split
 * into fields by the reader's own univocity settings ({@link CsvFields#parser}).
 */
final class Records {
  private Records() {}

  /**
   * What {@link #read} found.
   *
   * @param next the index of the first line not read
   * @param openAtEnd the sample ends inside a quoted field (cut there, or a quote never closed)
   */
  record Result(List<Row> rows, int next, boolean openAtEnd) {}

  /** The text's lines, without their line breaks. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /**
   * Up to {@code max} records (blank lines included) from line index {@code from}; lines starting
   * with the comment character (when {@code csv} has one) are skipped, as the reader skips them.
   */
  static Result read(List<String> lines, int from, CsvOptions csv, int max) {
    CsvParser parser = CsvFields.parser(csv);
    List<Row> rows = new ArrayList<>();
    int i = from;
    while (i < lines.size() && rows.size() < max) {
      String line = lines.get(i);
      if (csv.comment() != null && !line.isEmpty() && line.charAt(0) == csv.comment()) {
        i++;
        continue;
      }
      if (line.isBlank()) {
        rows.add(new Row(i + 1, 1, line, List.of()));
        i++;
        continue;
      }
      int first = i;
      StringBuilder text = new StringBuilder(line);
      boolean open = CsvFields.endsInQuote(line, csv, false);
      while (open && i + 1 < lines.size()) {
        i++;
        text.append('\n').append(lines.get(i));
        open = CsvFields.endsInQuote(lines.get(i), csv, true);
      }
      if (open) {
        return new Result(rows, first, true);
      }
      String[] fields = parser.parseLine(text.toString());
      rows.add(new Row(first + 1, i - first + 1, text.toString(), fields));
      i++;
    }
    return new Result(rows, i, false);
  }
}
