package io.socialkpi.inspect;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The source block inspect prints, in HOCON: the path, the preset, and only the keys whose value
 * the file needs and the preset (or, without one, {@code source-defaults}) does not already give,
 * then the metrics. Keys and values are quoted where HOCON needs it, so column names with spaces,
 * commas or quotes paste as they are.
 */
final class SourceBlock {
  /** A bare HOCON value or key: no quoting needed. */
  private static final Pattern BARE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "null", "include");

  /** Metric names are padded to this width at most, so the blocks line up. */
  private static final int ALIGN = 32;

  private SourceBlock() {}

  /** Whether the preset's own skip-rows already leave out these rows (YouTube's Total row). */
  private static boolean presetSkips(Config e, Map<String, String> rows) {
    if (!e.hasPath("skip-rows")) {
      return false;
    }
    Map<String, Object> set = e.getObject("skip-rows").unwrapped();
    for (Map.Entry<String, String> r : rows.entrySet()) {
      Object v = set.get(r.getKey());
      boolean skipped =
          v instanceof List<?> list ? list.contains(r.getValue()) : r.getValue().equals(v);
      if (!skipped) {
        return false;
      }
    }
    return true;
  }

  static String render(Inspection in) {
    Config e = in.effective;
    StringBuilder b = new StringBuilder();
    b.append(key(in.sourceId)).append(" {\n");
    Path path = in.file;
    line(b, "path = " + ConfigUtil.quoteString(SourceNames.literal(path)));
    if (in.preset != null) {
      line(b, "preset = " + value(in.preset.name()));
    }
    List<String> csv = new ArrayList<>();
    Layout l = in.layout;
    differs(csv, e, "delimiter", String.valueOf(l.delimiter()));
    if (l.metadata() && !"auto".equals(e.getValue("csv.skip-lines").unwrapped())) {
      // Metadata rows: their number varies from export to export; auto finds the header below.
      csv.add("skip-lines = auto");
    } else if (!"auto".equals(e.getValue("csv.skip-lines").unwrapped())) {
      // (auto, from a preset, finds this file's header line itself)
      differs(csv, e, "skip-lines", l.skipLines());
    }
    differs(csv, e, "comment", l.comment() ? "#" : null);
    differs(csv, e, "header-rows", l.headerRows());
    // A byte-order mark names its set per file: nothing to set for it.
    String encoding = in.encoding.setting() == null ? "UTF-8" : in.encoding.setting();
    if (!Charset.forName(encoding).equals(Charset.forName(e.getString("csv.encoding")))) {
      csv.add("encoding = " + ConfigUtil.quoteString(encoding));
    }
    differs(csv, e, "decimal-separator", String.valueOf(in.numbers.decimal()));
    differs(
        csv,
        e,
        "grouping-separator",
        in.numbers.grouping() == null ? null : String.valueOf(in.numbers.grouping()));
    block(b, "csv", csv);
    List<String> time = new ArrayList<>();
    TimeColumn t = in.time;
    differs(time, e, "time.column", t.column());
    differs(time, e, "time.pattern", t.pattern());
    LocalDate earliest =
        e.getIsNull("time.earliest") ? null : LocalDate.parse(e.getString("time.earliest"));
    if (t.fit() != null && earliest != null && t.fit().first().isBefore(earliest)) {
      // Older dates are real here: the sample's first, or no check when rows were not sampled.
      String first = in.layout.cut() ? null : t.fit().first().toString();
      time.add("earliest = " + (first == null ? "null" : ConfigUtil.quoteString(first)));
    }
    block(b, "time", time);
    if (t.fit() != null && !t.fit().dateOnly() && !t.fit().carriesOffset()) {
      line(
          b,
          "# time.zone = "
              + ConfigUtil.quoteString(e.getString("time.zone"))
              + "   # set the zone the tool wrote these times in: they carry no offset");
    }
    if (!new TreeSet<>(in.markers).equals(new TreeSet<>(e.getStringList("missing-markers")))) {
      List<String> quoted = in.markers.stream().sorted().map(ConfigUtil::quoteString).toList();
      line(b, "missing-markers = [" + String.join(", ", quoted) + "]");
    }
    if (!t.skipRows().isEmpty() && !presetSkips(e, t.skipRows())) {
      List<String> rows = new ArrayList<>();
      for (Map.Entry<String, String> s : t.skipRows().entrySet()) {
        rows.add(key(s.getKey()) + " = " + value(s.getValue()));
      }
      line(b, "skip-rows { " + String.join(", ", rows) + " }");
    }
    metrics(b, in.metrics.metrics());
    return b.append("}\n").toString();
  }

  private static void metrics(StringBuilder b, List<Metrics.Metric> metrics) {
    int width = 0;
    for (Metrics.Metric m : metrics) {
      width = Math.max(width, Math.min(ALIGN, key(m.id()).length()));
    }
    line(b, "metrics {");
    for (Metrics.Metric m : metrics) {
      List<String> keys = new ArrayList<>();
      if (m.column() != null) {
        keys.add("column = " + value(m.column()));
      }
      keys.add("aggregate = " + m.aggregate().key());
      String name = key(m.id());
      String pad = " ".repeat(Math.max(1, width - name.length() + 1));
      line(b, "  " + name + pad + "{ " + String.join(", ", keys) + " }");
    }
    line(b, "}");
  }

  /** Adds {@code key = value} when the value is not what the source reads with already. */
  private static void differs(List<String> out, Config e, String key, Object detected) {
    String path = key.startsWith("time.") ? key : "csv." + key;
    Object current;
    if (!e.hasPathOrNull(path) || e.getIsNull(path)) {
      current = null;
    } else {
      current = detected instanceof Integer ? (Object) e.getInt(path) : e.getString(path);
    }
    if (!Objects.equals(current, detected)) {
      String name = key.startsWith("time.") ? key.substring(5) : key;
      String text =
          detected == null
              ? "null"
              : detected instanceof Integer
                  ? detected.toString()
                  // A column name bare where it can be, as people write it; the rest quoted.
                  : key.equals("time.column")
                      ? value(detected.toString())
                      : ConfigUtil.quoteString(detected.toString());
      out.add(name + " = " + text);
    }
  }

  private static void block(StringBuilder b, String name, List<String> keys) {
    if (!keys.isEmpty()) {
      line(b, name + " { " + String.join(", ", keys) + " }");
    }
  }

  private static void line(StringBuilder b, String text) {
    b.append("  ").append(text).append('\n');
  }

  /** A HOCON key: bare where it can be, quoted otherwise (spaces, dots, a leading digit). */
  static String key(String name) {
    return BARE.matcher(name).matches() && !KEYWORDS.contains(name)
        ? name
        : ConfigUtil.quoteString(name);
  }

  /** A HOCON string value: bare where it can be, quoted otherwise. */
  static String value(String text) {
    return BARE.matcher(text).matches() && !KEYWORDS.contains(text)
        ? text
        : ConfigUtil.quoteString(text);
  }
}
