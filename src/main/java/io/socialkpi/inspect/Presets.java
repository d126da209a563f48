package io.socialkpi.inspect;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The export presets ({@code socialkpi.presets}: reference.conf's, and a job config's own with
 * {@code --config}) and which one fits a file. A preset fits when its time column is in the header,
 * its pattern reads every sampled value of that column, and the layout keys it falls back on
 * ({@code csv.header-rows}, {@code csv.skip-lines}, {@code csv.delimiter}, its own or the
 * defaults') are the file's, and it sets something a file with that time column would not read with
 * anyway ({@link #specific}). Of several, the one that sets most of them itself is the more
 * specific ({@code facebook-page-insights} sets {@code header-rows = 2}, {@code x-daily-activity}
 * only the time); on a tie the first in the block.
 */
final class Presets {
  private Presets() {}

  /**
   * A preset over the source defaults it falls back on.
   *
   * @param own the preset's block as written
   * @param effective the block over {@code source-defaults}: what a source with only {@code preset
   *     = name} reads with
   */
  record Preset(String name, Config own, Config effective) {
    String timeColumn() {
      return effective.hasPath("time.column") ? effective.getString("time.column") : null;
    }

    String pattern() {
      return effective.getString("time.pattern");
    }
  }

  /** The presets of {@code root} (a job config over reference.conf), in the order written. */
  static List<Preset> read(Config root) {
    Config defaults = root.getConfig("socialkpi.source-defaults");
    ConfigObject block = root.getObject("socialkpi.presets");
    List<Preset> presets = new ArrayList<>();
    List<String> names = new ArrayList<>(block.keySet());
    names.sort(
        java.util.Comparator.comparingInt(
            n -> block.get(n).origin() == null ? 0 : block.get(n).origin().lineNumber()));
    for (String name : names) {
      ConfigValue v = block.get(name);
      if (v.valueType() == ConfigValueType.OBJECT) {
        Config own = ((ConfigObject) v).toConfig();
        presets.add(new Preset(name, own, own.withFallback(defaults)));
      }
    }
    return presets;
  }

  /** The preset that fits the file best, or null. */
  static Preset match(List<Preset> presets, Layout layout, Config defaults) {
    Preset best = null;
    int bestScore = -1;
    for (Preset p : presets) {
      int score = score(p, layout, defaults);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    return best;
  }

  /** How many layout keys the preset sets itself, or -1 when it does not fit. */
  private static int score(Preset p, Layout layout, Config defaults) {
    Config e = p.effective();
    int column = p.timeColumn() == null ? -1 : layout.header().indexOf(p.timeColumn());
    if (column < 0
        || !e.getBoolean("csv.header")
        || e.getInt("csv.header-rows") != layout.headerRows()
        || !skipLinesFit(e, layout)
        || !e.getString("csv.delimiter").equals(String.valueOf(layout.delimiter()))) {
      return -1;
    }
    List<String> values = TimeColumn.values(layout, column);
    if (!values.isEmpty() && TimePatterns.check(p.pattern(), values) == null) {
      return -1;
    }
    if (!specific(p, defaults)) {
      return -1;
    }
    int score = 0;
    for (String key : List.of("csv.header-rows", "csv.skip-lines", "csv.delimiter")) {
      // skip-lines = auto fits any file: it tells no export from another.
      boolean auto = "auto".equals(e.getValue("csv.skip-lines").unwrapped());
      score += p.own().hasPath(key) && !(auto && key.equals("csv.skip-lines")) ? 1 : 0;
    }
    // Without rows, a time column's name alone ("Date") says nothing: only a layout the preset
    // sets itself, or the id columns it keys rows by ("Tweet id"), can tell the export.
    boolean keyed =
        e.hasPath("overlap.key")
            && !e.getStringList("overlap.key").isEmpty()
            && layout.header().containsAll(e.getStringList("overlap.key"));
    return values.isEmpty() && score == 0 && !keyed ? -1 : score;
  }

  /**
   * Whether the preset sets a key other than its time column to something the defaults do not have:
   * {@code x-daily-activity} (time {@code Date} as {@code yyyy-MM-dd}, markers {@code -}) is what
   * any file with a {@code Date} column reads with anyway, so naming it for one would only suggest
   * an origin the file need not have.
   */
  private static boolean specific(Preset p, Config defaults) {
    for (java.util.Map.Entry<String, ConfigValue> e : p.own().entrySet()) {
      String path = e.getKey();
      // The time column is the match itself; how overlapping files are resolved says nothing
      // about the file's layout.
      if (path.equals("time.column") || path.startsWith("overlap.")) {
        continue;
      }
      if (!defaults.hasPathOrNull(path)) {
        return true;
      }
      Object fallback = defaults.getIsNull(path) ? null : defaults.getValue(path).unwrapped();
      if (!java.util.Objects.equals(fallback, e.getValue().unwrapped())) {
        return true;
      }
    }
    return false;
  }

  /** The preset's csv.skip-lines is the file's, or auto (which finds any file's header line). */
  private static boolean skipLinesFit(Config e, Layout layout) {
    Object skip = e.getValue("csv.skip-lines").unwrapped();
    return "auto".equals(skip) || e.getInt("csv.skip-lines") == layout.skipLines();
  }
}
