package io.socialkpi.source;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Column = accepted-values conditions over a parsed row's fields, all of which must hold: a
 * metric's {@code where}, or the source's {@code skip-rows}. A cell is compared trimmed as Spark's
 * {@code trim} does, so the compiled scan agrees with {@link Observations}. An accepted {@code ""}
 * also matches a missing cell (an empty CSV field, a JSON null): GA's totals row is the one with an
 * empty first cell.
 */
final class Conditions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] fields;
  private final Set<String>[] accepted;

  /**
   * @param conditions column to accepted texts
   * @param columns the order of a parsed row's fields ({@code SourceSpec.columns()})
   */
  @SuppressWarnings("unchecked")
  Conditions(Map<String, List<String>> conditions, List<String> columns) {
    fields = new int[conditions.size()];
    accepted = (Set<String>[]) new Set<?>[fields.length];
    int c = 0;
    for (Map.Entry<String, List<String>> cond : conditions.entrySet()) {
      fields[c] = columns.indexOf(cond.getKey());
      accepted[c++] = Set.copyOf(cond.getValue());
    }
  }

  boolean isEmpty() {
    return fields.length == 0;
  }

  /** Whether every condition holds (true when there is none). */
  boolean matches(String[] f) {
    for (int c = 0; c < fields.length; c++) {
      String v = f[fields[c]];
      if (v == null ? !accepted[c].contains("") : !accepted[c].contains(CellTrim.trim(v))) {
        return false;
      }
    }
    return true;
  }
}
