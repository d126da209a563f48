package io.socialkpi.inspect;

/**
 * One record of the sample, as the reader would split it: a line, or the lines of a quoted field
 * holding line breaks joined by {@code \n}.
 *
 * @param line the number (1-based) of its first line in the file
 * @param lines how many lines it spans
 * @param fields its fields, an empty cell null; none for a blank line
 */
record Row(int line, int lines, String text, String[] fields) {
  /** A blank line: the reader quarantines it as {@code blank_line}. */
  boolean blank() {
    return fields.length == 0;
  }

  int width() {
    return fields.length;
  }

  /** The field at {@code i}, or null when the row is shorter. */
  String cell(int i) {
    return i < fields.length ? fields[i] : null;
  }

  /** Whether the cell is empty as the reader sees it: null or only spaces (U+0020). */
  static boolean empty(String cell) {
    return cell == null || trim(cell).isEmpty();
  }

  /** The cell as the reader compares it with markers and conditions: without spaces around it. */
  static String trim(String cell) {
    int from = 0;
    int to = cell.length();
    while (from < to && cell.charAt(from) == ' ') {
      from++;
    }
    while (to > from && cell.charAt(to - 1) == ' ') {
      to--;
    }
    return cell.substring(from, to);
  }
}
