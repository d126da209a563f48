package io.socialkpi.source;

/**
 * A cell's text as the reader compares it, in plain Java: the scan and {@code inspect} (which runs
 * without Spark) share it, so what inspect predicts is what the scan does.
 */
public final class CellTrim {
  private CellTrim() {}

  /** Spark's {@code trim}: drops spaces (U+0020 only) at both ends. */
  public static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }
}
