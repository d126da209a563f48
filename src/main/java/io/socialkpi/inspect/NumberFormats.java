package io.socialkpi.inspect;

import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TimeSpec;
import io.socialkpi.source.NumberText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a file writes its numbers ({@code 1234.5}, {@code 1 234,5}, {@code 1.234,5}, {@code 1,234.5})
 * and which columns hold numbers in that format, read by the reader's own {@link NumberText}, so a
 * column inspect calls numeric is never quarantined as {@code non_numeric}. The format is the one
 * that reads most cells; plain numbers win a tie (they are every format's integers), then a decimal
 * comma in {@code ;} files (European Excel) and a decimal point elsewhere.
 */
final class NumberFormats {
  /**
   * A number format, as {@code csv.decimal-separator} and {@code csv.grouping-separator}.
   *
   * @param grouping the thousands separator, or null
   */
  record Format(char decimal, Character grouping) {
    static final Format PLAIN = new Format('.', null);

    boolean plain() {
      return equals(PLAIN);
    }

    /** The reader's parser of this format. */
    NumberText reader() {
      CsvOptions csv = CsvOptions.of(',', decimal, grouping, null);
      TimeSpec time = new TimeSpec("time", "yyyy-MM-dd", ZoneId.of("UTC"));
      return NumberText.of(SourceSpec.of("inspect", "", SourceFormat.CSV, csv, time, List.of()));
    }
  }

  static final List<Format> FORMATS =
      List.of(
          Format.PLAIN,
          new Format(',', null),
          new Format(',', '.'),
          new Format(',', ' '),
          new Format('.', ','),
          new Format('.', '\''));

  /** Texts that stand for "no value" in exports; suggested as missing-markers where seen. */
  static final Set<String> LIKELY_MARKERS =
      Set.of("n/a", "N/A", "NA", "na", "null", "NULL", "None", "--", "\u2014", "\u2013", "#N/A");

  private static final List<NumberText> READERS = FORMATS.stream().map(Format::reader).toList();

  private NumberFormats() {}

  /** What a column holds under one format. */
  enum Kind {
    NUMBERS,
    EMPTY,
    TEXT
  }

  /**
   * @param values the cells read as numbers
   * @param notNumbers cells that are neither empty, a marker nor a number
   * @param example the first of those
   * @param markers likely missing markers among them ({@code n/a}, {@code --})
   * @param onlyMarkers every one of them is such a marker: with them as missing-markers the column
   *     is numeric
   */
  record Column(
      Kind kind,
      int values,
      int notNumbers,
      String example,
      Set<String> markers,
      boolean onlyMarkers) {}

  /** The format reading most cells of the given columns. */
  static Format choose(List<Row> data, List<Integer> columns, char delimiter) {
    int[] read = new int[FORMATS.size()];
    for (Row r : data) {
      for (int c : columns) {
        String cell = r.cell(c);
        if (Row.empty(cell)) {
          continue;
        }
        for (int f = 0; f < FORMATS.size(); f++) {
          read[f] += Double.isNaN(READERS.get(f).parse(cell)) ? 0 : 1;
        }
      }
    }
    int best = 0;
    for (int f = 1; f < FORMATS.size(); f++) {
      best = read[f] > read[best] ? f : best;
    }
    if (read[0] == read[best]) {
      return Format.PLAIN;
    }
    for (int f : delimiter == ';' ? new int[] {1, 2, 3, 4, 5} : new int[] {4, 5, 1, 2, 3}) {
      if (read[f] == read[best]) {
        return FORMATS.get(f);
      }
    }
    return FORMATS.get(best);
  }

  /** What column {@code c} holds in {@code format}, cells in {@code markers} counted as missing. */
  static Column classify(List<Row> data, int c, NumberText format, Set<String> markers) {
    int values = 0;
    int bad = 0;
    String example = null;
    Set<String> likely = new LinkedHashSet<>();
    boolean onlyMarkers = true;
    for (Row r : data) {
      String cell = r.cell(c);
      if (Row.empty(cell) || markers.contains(Row.trim(cell))) {
        continue;
      }
      if (Double.isNaN(format.parse(cell))) {
        bad++;
        example = example == null ? cell : example;
        if (LIKELY_MARKERS.contains(Row.trim(cell))) {
          likely.add(Row.trim(cell));
        } else {
          onlyMarkers = false;
        }
      } else {
        values++;
      }
    }
    Kind kind = bad > 0 ? Kind.TEXT : values > 0 ? Kind.NUMBERS : Kind.EMPTY;
    return new Column(kind, values, bad, example, likely, bad > 0 && onlyMarkers);
  }

  /** Whether the cell is a number in some format: a row of them is data, not a header row. */
  static boolean anyFormat(String cell) {
    if (Row.empty(cell)) {
      return false;
    }
    for (NumberText r : READERS) {
      if (!Double.isNaN(r.parse(cell))) {
        return true;
      }
    }
    return false;
  }

  /** Column indexes 0 to {@code width - 1} but those in {@code skip}. */
  static List<Integer> allBut(int width, Set<Integer> skip) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      if (!skip.contains(i)) {
        out.add(i);
      }
    }
    return out;
  }
}
