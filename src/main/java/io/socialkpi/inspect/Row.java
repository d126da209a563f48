package io.socialkpi.inspect;

import io.socialkpi.source.CellTrim;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One record of the sample, as the reader would split it: a line, or the lines of a quoted field
 * holding line breaks joined by {@code \n}.
 *
 * @param line the number (1-based) of its first line in the file
 * @param lines how many lines it spans
 * @param fields its fields, an empty cell null (so not {@code List.of}); none for a blank line
 */
record Row(int line, int lines, String text, List<String> fields) {
  /** A row of the fields the CSV parser split (null or none: a blank line). */
  Row(int line, int lines, String text, String[] fields) {
    this(
        line,
        lines,
        text,
        fields == null ? List.of() : Collections.unmodifiableList(Arrays.asList(fields)));
  }

  /** A blank line: the reader quarantines it as {@code blank_line}. */
  boolean blank() {
    return fields.isEmpty();
  }

  int width() {
    return fields.size();
  }

  /** The field at {@code i}, or null when the row is shorter. */
  String cell(int i) {
    return i < fields.size() ? fields.get(i) : null;
  }

  /** Whether the cell is empty as the reader sees it: null or only spaces (U+0020). */
  static boolean empty(String cell) {
    return cell == null || trim(cell).isEmpty();
  }

  /** The cell as the reader compares it with markers and conditions: without spaces around it. */
  static String trim(String cell) {
    return CellTrim.trim(cell);
  }
}
