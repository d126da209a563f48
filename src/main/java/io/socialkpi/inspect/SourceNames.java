package io.socialkpi.inspect;

import io.socialkpi.source.SourceLayout;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a source block takes from its file: the source id (the file name without its dates, in
 * kebab case), the path as the reader takes it literally, and a glob over the other periods'
 * exports of the same name (Facebook's and X's file names carry the exported period).
 */
final class SourceNames {
  /** What the config accepts as a source name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** Dates and periods in export file names: 2014-01-01, 20210101, Jan-27-2025, 13-06-2025. */
  private static final Pattern DATE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}|(?<!\\d)\\d{8}(?!\\d)|[A-Z][a-z]{2}-\\d{1,2}-\\d{4}"
              + "|\\d{1,2}-\\d{1,2}-\\d{4}");

  private static final int MAX_ID = 40;

  private SourceNames() {}

  /** {@code given} when set (checked), else one made from the file name. */
  static String id(String given, Path file) {
    if (given != null) {
      if (!NAME.matcher(given).matches()) {
        throw new InspectException(
            "--source-id '" + given + "': source names use letters, digits, '-' and '_' only");
      }
      return given;
    }
    String stem = stem(file.getFileName().toString());
    String id = Metrics.id(DATE.matcher(stem).replaceAll(" "));
    if (id.equals("metric")) {
      return "source";
    }
    while (id.length() > MAX_ID && id.lastIndexOf('-') > 0) {
      id = id.substring(0, id.lastIndexOf('-'));
    }
    return id;
  }

  /** The path as the config writes it: the reader expands globs, so glob characters escaped. */
  static String literal(Path file) {
    return SourceLayout.literal(file.toString());
  }

  /**
   * A glob over the exports of other periods ({@code ..._*_*_en.csv}), or null when the name holds
   * no date.
   */
  static String otherPeriods(Path file) {
    String name = file.getFileName().toString();
    Matcher m = DATE.matcher(name);
    StringBuilder glob = new StringBuilder();
    int at = 0;
    boolean found = false;
    while (m.find()) {
      glob.append(SourceLayout.literal(name.substring(at, m.start()))).append('*');
      at = m.end();
      found = true;
    }
    if (!found) {
      return null;
    }
    glob.append(SourceLayout.literal(name.substring(at)));
    Path parent = file.getParent();
    return parent == null ? glob.toString() : SourceLayout.literal(parent.toString()) + "/" + glob;
  }

  private static String stem(String name) {
    String n =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")
            ? name.substring(0, name.length() - 3)
            : name;
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
