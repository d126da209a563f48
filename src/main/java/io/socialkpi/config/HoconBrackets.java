package io.socialkpi.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the bracket a HOCON syntax error is about. typesafe-config reports an unclosed block at the
 * end of the file (as a missing ')'), far from the block; this scan names the opening bracket that
 * is not closed, or the closing bracket that does not match, at its own line.
 */
final class HoconBrackets {
  /** A bracket problem at a 1-based line. */
  record Problem(int line, String message) {}

  private record Open(char bracket, int line, int indent) {}

  private HoconBrackets() {}

  /** The first bracket problem of {@code text}, or null if its brackets balance. */
  static Problem find(String text) {
    Deque<Open> open = new ArrayDeque<>();
    Problem misaligned = null; // the first block closed by a bracket lined up with an outer block
    int line = 1;
    int lineStart = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        i++;
      } else if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("\"\"\"", i)) {
        int end = text.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
        line += count(text, i, end);
        int nl = text.lastIndexOf('\n', end - 1);
        lineStart = nl >= i ? nl + 1 : lineStart;
        i = end;
      } else if (c == '"') {
        i++;
        while (i < n && text.charAt(i) != '"' && text.charAt(i) != '\n') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        if (i < n && text.charAt(i) == '"') {
          i++;
        }
      } else if (c == '{' || c == '[') {
        open.push(new Open(c, line, indent(text, lineStart)));
        i++;
      } else if (c == '}' || c == ']') {
        char expected = c == '}' ? '{' : '[';
        if (open.isEmpty()) {
          return new Problem(line, "'" + c + "' closes no open '" + expected + "'");
        }
        Open o = open.pop();
        if (o.bracket() != expected) {
          return new Problem(
              line,
              "'"
                  + c
                  + "' does not close the '"
                  + o.bracket()
                  + "' opened at line "
                  + o.line()
                  + " (expected '"
                  + closer(o.bracket())
                  + "')");
        }
        boolean firstOnLine = text.substring(lineStart, i).isBlank();
        if (misaligned == null && firstOnLine && indent(text, lineStart) < o.indent()) {
          misaligned =
              new Problem(
                  o.line(),
                  "the '"
                      + o.bracket()
                      + "' opened here is not closed: the '"
                      + c
                      + "' at line "
                      + line
                      + " lines up with an outer block (expected '"
                      + closer(o.bracket())
                      + "' before it)");
        }
        i++;
      } else {
        i++;
      }
    }
    if (open.isEmpty()) {
      return null;
    }
    if (misaligned != null) {
      return misaligned;
    }
    Open o = open.peek();
    return new Problem(
        o.line(),
        "the '"
            + o.bracket()
            + "' opened here is never closed (expected '"
            + closer(o.bracket())
            + "' before the end of the file)");
  }

  private static char closer(char bracket) {
    return bracket == '{' ? '}' : ']';
  }

  private static int indent(String text, int lineStart) {
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i - lineStart;
  }

  private static int count(String text, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
