package io.socialkpi.inspect;

import io.socialkpi.config.CsvOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds a file's delimiter among {@code , ; \t |}: the one that splits most records of the sample
 * into the same number of fields (at least two), quotes respected, so a quoted {@code "Atlanta,
 * GA"} or a line break inside a caption does not count against it. A title row above the header has
 * another width under every candidate and does not decide. Excel's {@code sep=} line, when there is
 * one, names the delimiter instead.
 */
final class Delimiters {
  /** In order of preference where two split the sample equally well. */
  static final List<Character> CANDIDATES = List.of(',', ';', '\t', '|');

  /** Records looked at: enough to see that widths agree, few enough to stay instant. */
  private static final int RECORDS = 200;

  private Delimiters() {}

  /**
   * How one delimiter splits the sample.
   *
   * @param width the most common number of fields
   * @param agreeing records with that many fields
   */
  record Guess(char delimiter, int width, int agreeing) {}

  /** The best delimiter for the lines from {@code from}; {@code ,} for a file of one column. */
  static Guess sniff(List<String> lines, int from, Character comment) {
    Guess best = null;
    for (char c : CANDIDATES) {
      Guess g = guess(lines, from, options(c, comment));
      if (g.width() < 2) {
        continue;
      }
      if (best == null
          || g.agreeing() > best.agreeing()
          || (g.agreeing() == best.agreeing() && g.width() > best.width())) {
        best = g;
      }
    }
    return best != null ? best : guess(lines, from, options(',', comment));
  }

  /** How {@code csv}'s delimiter splits the records from line index {@code from}. */
  static Guess guess(List<String> lines, int from, CsvOptions csv) {
    Map<Integer, Integer> widths = new TreeMap<>();
    for (Row r : Records.read(lines, from, csv, RECORDS).rows()) {
      if (!r.blank()) {
        widths.merge(r.width(), 1, Integer::sum);
      }
    }
    int width = 0;
    int agreeing = 0;
    for (Map.Entry<Integer, Integer> w : widths.entrySet()) {
      // Ascending widths: an equal count goes to the wider split.
      if (w.getValue() >= agreeing) {
        width = w.getKey();
        agreeing = w.getValue();
      }
    }
    return new Guess(csv.delimiter(), width, agreeing);
  }

  /** The reader's CSV options with this delimiter (RFC 4180 quotes, no other change). */
  static CsvOptions options(char delimiter, Character comment) {
    return CsvOptions.of(delimiter, '.', null, comment);
  }

  /** The delimiter as the config writes it: {@code \t} for a tab. */
  static String show(char delimiter) {
    return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
  }
}
