package io.socialkpi.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link SourceSpec}s from the {@code socialkpi.sources} block. */
final class SourceSpecReader {
  static final String NAME = "[A-Za-z0-9_-]+";
  static final long DEFAULT_MAX_LINE = 1L << 20;

  /** Characters that are part of a number, so they cannot separate its digits. */
  private static final String NUMBER_CHARS = "0123456789+-eE";

  /** The defaults in effect: the job config's {@code source-defaults} over reference.conf's. */
  private final Config sourceDefaults;

  private final Config metricDefaults;

  /** Named blocks of source keys for the layouts of known exports (socialkpi.presets). */
  private final Config presets;

  /** reference.conf's blocks: the keys a source or metric may set. */
  private final Config knownSource;

  private final Config knownMetric;
  private final ConfigLocation location;

  /** The run's window ({@code run.window}): a source of weeks or months must have these windows. */
  private final WindowUnit window;

  /**
   * @param root the job config over reference.conf: its {@code source-defaults} and {@code
   *     metric-defaults} are the ones every source and metric falls back to
   * @param reference reference.conf alone: the keys a block may set
   * @param window the run's window, which a source's {@code time.grain} must fit
   */
  SourceSpecReader(Config root, Config reference, ConfigLocation location, WindowUnit window) {
    Config defaults = root.getConfig("socialkpi.source-defaults");
    if (defaults.hasPath("csv.skip-lines")
        && defaults.getValue("csv.skip-lines").valueType() == ConfigValueType.STRING
        && defaults.getString("csv.skip-lines").strip().equals("auto")) {
      // SettingsLoader names it once: not again in every source that falls back to it.
      defaults = defaults.withoutPath("csv.skip-lines");
    }
    this.sourceDefaults = defaults;
    this.metricDefaults = root.getConfig("socialkpi.metric-defaults");
    this.presets = root.getConfig("socialkpi.presets");
    this.knownSource = reference.getConfig("socialkpi.source-defaults");
    this.knownMetric = reference.getConfig("socialkpi.metric-defaults");
    this.location = location;
    this.window = window;
  }

  SourceSpec read(String name, Section raw) {
    if (!name.matches(NAME)) {
      raw.problem("", "source names use letters, digits, '-' and '_' only");
    }
    raw.rejectUnknownKeys(knownSource.root());
    Config own = raw.config().withFallback(preset(raw));
    Section s =
        new Section(own.withFallback(sourceDefaults), raw.path(""), fileOf(raw), problems(raw));
    String path = s.requiredString("path");
    SourceFormat format = s.enumOf("format", SourceFormat.class, SourceFormat.CSV);
    CsvOptions csv = csvOptions(s);
    String sheet = sheet(s, format);
    if (format == SourceFormat.SPREADSHEET) {
      csv = SpreadsheetKeys.csvOptions(s, own, csv);
    }
    TimeSpec time = time(s);
    if (time.nthDay() && (format != SourceFormat.CSV || csv.comment() == null)) {
      // The offsets count from a comment line: read only from a CSV file with comment lines.
      s.problem(
          "time.pattern",
          "nth-day counts days from the file's '# Start date: YYYYMMDD' comment line, which only"
              + " a csv source with csv.comment = \"#\" reads (preset ga4-csv sets it)"
              + (format == SourceFormat.CSV
                  ? ""
                  : "; this source's format is "
                      + format.name().toLowerCase(java.util.Locale.ROOT)));
    }
    String entity = s.optString("entity");
    boolean dedupe = s.bool("dedupe", true);
    long maxLineSize = s.bytes("max-line-size", DEFAULT_MAX_LINE);
    if (maxLineSize > Integer.MAX_VALUE) {
      s.problem("max-line-size", "expected at most 2GiB, found " + maxLineSize + " bytes");
      maxLineSize = DEFAULT_MAX_LINE;
    }
    Map<String, List<String>> skipRows = conditions(s, "skip-rows");
    List<String> missingMarkers = s.stringList("missing-markers");
    for (String marker : missingMarkers) {
      if (!marker.strip().equals(marker) || marker.isEmpty()) {
        s.problem(
            "missing-markers",
            "'"
                + marker
                + "': a marker is compared with the trimmed cell, so it cannot be empty or"
                + " begin or end with a space");
      }
    }
    List<MetricSpec> metrics = new ArrayList<>();
    ConfigValue metricsValue = s.config().getValue("metrics");
    if (metricsValue.valueType() != ConfigValueType.OBJECT) {
      s.problem("metrics", "expected a block of named metrics");
    } else {
      ConfigObject block = (ConfigObject) metricsValue;
      if (block.isEmpty()) {
        s.problem("metrics", "a source needs at least one metric");
      }
      for (String metric : Section.orderedKeys(block)) {
        metrics.add(metric(name, metric, s, block.get(metric), time.periodGrain()));
      }
    }
    return new SourceSpec(
        name,
        resolve(path),
        format,
        csv,
        time,
        entity,
        dedupe,
        maxLineSize,
        List.copyOf(missingMarkers),
        java.util.Collections.unmodifiableMap(skipRows),
        List.copyOf(metrics),
        overlap(s),
        sheet);
  }

  private Overlap overlap(Section s) {
    Section o = s.child("overlap");
    o.rejectUnknownKeys(knownSource.getObject("overlap"));
    Overlap.Keep keep = o.enumOf("keep", Overlap.Keep.class, Overlap.Keep.ALL);
    List<String> key = o.stringList("key");
    if (keep == Overlap.Keep.ALL && !key.isEmpty()) {
      o.problem("key", "applies only with overlap.keep = newest");
    }
    return new Overlap(keep, List.copyOf(key));
  }

  /** The sheet a spreadsheet source reads (null: the first), taken as written, spaces and all. */
  private static String sheet(Section s, SourceFormat format) {
    if (!s.config().hasPath("sheet")) {
      return null;
    }
    ConfigValue value = s.config().getValue("sheet");
    if (value.valueType() != ConfigValueType.STRING) {
      s.problem("sheet", "expected a sheet's name in quotes");
      return null;
    }
    String sheet = (String) value.unwrapped();
    if (format != SourceFormat.SPREADSHEET) {
      s.problem(
          "sheet",
          "applies to format = spreadsheet only (this source's format is "
              + format.name().toLowerCase(java.util.Locale.ROOT)
              + ")");
      return null;
    }
    if (sheet.isEmpty()) {
      s.problem("sheet", "a sheet's name cannot be empty; null reads the first sheet");
      return null;
    }
    return sheet;
  }

  /**
   * The source's preset ({@code preset = x-tweet-activity}): a block of source keys under {@code
   * socialkpi.presets} (reference.conf's, or the job config's own), which the source's keys
   * override and which overrides {@code source-defaults}.
   */
  private Config preset(Section raw) {
    String name = raw.optString("preset");
    if (name == null && sourceDefaults.hasPath("preset")) {
      name = sourceDefaults.getString("preset"); // a preset for every source
    }
    if (name == null) {
      return ConfigFactory.empty();
    }
    ConfigValue block = presets.root().get(name);
    if (block == null || block.valueType() != ConfigValueType.OBJECT) {
      raw.problem(
          "preset",
          "unknown preset '"
              + name
              + "' (known: "
              + String.join(", ", new java.util.TreeSet<>(presets.root().keySet()))
              + ")");
      return ConfigFactory.empty();
    }
    Config preset = ((ConfigObject) block).toConfig();
    // A preset is a block of source keys: a typo in one (a job config may add its own) is named.
    Section keys = new Section(preset, "socialkpi.presets." + name, fileOf(raw), problems(raw));
    keys.rejectUnknownKeys(knownSource.root());
    if (preset.hasPath("csv")) {
      keys.child("csv").rejectUnknownKeys(knownSource.getObject("csv"));
    }
    if (preset.hasPath("time")) {
      keys.child("time").rejectUnknownKeys(knownSource.getObject("time"));
    }
    return preset;
  }

  private CsvOptions csvOptions(Section s) {
    Section csv = s.child("csv");
    csv.rejectUnknownKeys(knownSource.getObject("csv"));
    char decimal = oneChar(csv, "decimal-separator", '.');
    if (NUMBER_CHARS.indexOf(decimal) >= 0) {
      csv.problem("decimal-separator", "'" + decimal + "' cannot separate digits; use '.' or ','");
      decimal = '.';
    }
    Character grouping = grouping(csv, decimal);
    boolean header = csv.bool("header", true);
    int headerRows = count(csv, "header-rows", 1, 1);
    if (!header && headerRows != 1) {
      csv.problem(
          "header-rows", "needs csv.header = true: without a header there are no header rows");
    }
    return new CsvOptions(
        oneChar(csv, "delimiter", ','),
        header,
        oneChar(csv, "quote", '"'),
        oneChar(csv, "escape", '"'),
        decimal,
        grouping,
        comment(csv),
        skipLines(csv, header),
        headerRows,
        encoding(csv),
        tables(csv, header, headerRows));
  }

  /** csv.skip-lines: a count, or auto (each file's header is the line naming the columns). */
  private static int skipLines(Section csv, boolean header) {
    String key = "skip-lines";
    if (csv.config().hasPath(key)
        && csv.config().getValue(key).valueType() == com.typesafe.config.ConfigValueType.STRING
        && csv.config().getString(key).equals("auto")) {
      if (!header) {
        csv.problem(key, "auto finds each file's header line: needs csv.header = true");
        return 0;
      }
      if (csv.config().hasPath("tables")
          && csv.config().getString("tables").equals("blank-line-separated")) {
        csv.problem(
            key,
            "auto cannot go with csv.tables = blank-line-separated, which finds each table's"
                + " header itself; use a count or 0");
        return 0;
      }
      return CsvOptions.AUTO_SKIP;
    }
    if (csv.config().hasPath(key)
        && csv.config().getValue(key).valueType() == com.typesafe.config.ConfigValueType.STRING
        && !csv.config().getString(key).strip().matches("[0-9]+")) {
      csv.problem(
          key,
          "expected a whole number from 0 to 10000, or auto, found '"
              + csv.config().getString(key)
              + "'");
      return 0;
    }
    return count(csv, key, 0, 0);
  }

  /** csv.tables: one (default) or blank-line-separated. */
  private static boolean tables(Section csv, boolean header, int headerRows) {
    String t = csv.optString("tables");
    if (t == null || t.equals("one")) {
      return false;
    }
    if (!t.equals("blank-line-separated")) {
      csv.problem("tables", "unknown value '" + t + "' (one of one, blank-line-separated)");
      return false;
    }
    if (headerRows != 1) {
      csv.problem(
          "tables", "blank-line-separated tables have one header row each (csv.header-rows)");
    }
    if (!header) {
      // A table is known by its header: without one, the rows after a blank line would be taken
      // for a header that does not name _c0, _c1, ... and silently not read.
      csv.problem(
          "tables",
          "blank-line-separated tables are told apart by their header lines: needs csv.header ="
              + " true");
    }
    return true;
  }

  /**
   * UTF-8, a single-byte character set that keeps ASCII (windows-1252, ISO-8859-1), whose lines are
   * found by their newline byte, or UTF-16 (UTF-16LE, UTF-16BE; UTF-16: each file's byte order from
   * its start), whose files are read whole. Other multi-byte sets are neither.
   */
  private static String encoding(Section csv) {
    String name = csv.optString("encoding");
    if (name == null) {
      return "UTF-8";
    }
    java.nio.charset.Charset cs;
    try {
      cs = java.nio.charset.Charset.forName(name);
    } catch (RuntimeException e) {
      csv.problem("encoding", "unknown character set '" + name + "'");
      return "UTF-8";
    }
    boolean singleByte =
        cs.canEncode() && cs.newEncoder().maxBytesPerChar() == 1.0f && asciiCompatible(cs);
    boolean utf16 = cs.name().startsWith("UTF-16");
    if (!cs.equals(java.nio.charset.StandardCharsets.UTF_8) && !singleByte && !utf16) {
      csv.problem(
          "encoding",
          "'"
              + name
              + "' cannot be read: use UTF-8, UTF-16LE, UTF-16BE, UTF-16 or a single-byte set"
              + " such as windows-1252 or ISO-8859-1 (or convert the files with iconv -t UTF-8)");
      return "UTF-8";
    }
    return cs.name();
  }

  private static boolean asciiCompatible(java.nio.charset.Charset cs) {
    byte[] ascii = new byte[128];
    for (int i = 0; i < 128; i++) {
      ascii[i] = (byte) i;
    }
    String decoded = new String(ascii, cs);
    for (int i = 0; i < 128; i++) {
      if (decoded.charAt(i) != i) {
        return false;
      }
    }
    return true;
  }

  /** A whole number of at least {@code min}. */
  private static int count(Section s, String key, int fallback, int min) {
    double v = s.number(key, fallback);
    if (v != Math.rint(v) || v < min || v > 10_000) {
      s.problem(key, "expected a whole number from " + min + " to 10000, found " + v);
      return fallback;
    }
    return (int) v;
  }

  /**
   * The text of a key that holds one character or null, as written (not trimmed: a space is a
   * character); null where it is unset, null or empty, or not text (a problem).
   */
  private static String characterText(Section csv, String key) {
    try {
      String text = csv.config().hasPath(key) ? csv.config().getString(key) : null;
      return text == null || text.isEmpty() ? null : text;
    } catch (com.typesafe.config.ConfigException e) {
      csv.problem(key, "expected one character or null");
      return null;
    }
  }

  /** The comment character, or null (the default): no line is a comment. */
  private static Character comment(Section csv) {
    String key = "comment";
    String c = characterText(csv, key);
    if (c == null) {
      return null;
    }
    if (c.length() != 1) {
      csv.problem(key, "expected one character or null, found '" + c + "'");
      return null;
    }
    return c.charAt(0);
  }

  /** The thousands separator, or null for none; a space is kept (the value is not trimmed). */
  private static Character grouping(Section csv, char decimal) {
    String key = "grouping-separator";
    String g = characterText(csv, key);
    if (g == null) {
      return null;
    }
    if (g.length() != 1 || NUMBER_CHARS.indexOf(g.charAt(0)) >= 0 || g.charAt(0) == decimal) {
      csv.problem(
          key,
          "expected one character other than digits, signs, 'e' and the decimal separator '"
              + decimal
              + "', found '"
              + g
              + "'");
      return null;
    }
    return g.charAt(0);
  }

  private static char oneChar(Section s, String key, char fallback) {
    String raw;
    try {
      raw = s.config().hasPath(key) ? s.config().getString(key) : null;
    } catch (com.typesafe.config.ConfigException e) {
      s.problem(key, "expected exactly one character in quotes");
      return fallback;
    }
    if (raw == null || raw.length() != 1) {
      s.problem(key, "expected exactly one character, found '" + raw + "'");
      return fallback;
    }
    return raw.charAt(0);
  }

  private TimeSpec time(Section s) {
    Section t = s.child("time");
    t.rejectUnknownKeys(knownSource.getObject("time"));
    String column = t.requiredString("column");
    String pattern = t.requiredString("pattern");
    if (pattern != null
        && TimeSpec.epochMicros(pattern) == 0
        && !pattern.equals(TimeSpec.NTH_DAY)) {
      try {
        // Built only to validate the pattern: ofPattern throws on an invalid one.
        DateTimeFormatter unused = DateTimeFormatter.ofPattern(pattern);
        String unreadable = TimeSpec.unreadable(pattern);
        if (unreadable != null) {
          t.problem("pattern", unreadable);
        } else if (pattern.replaceAll("'[^']*'", "").chars().noneMatch(c -> c == 'y')) {
          t.problem("pattern", "'" + pattern + "' has no year (y)");
        }
      } catch (IllegalArgumentException e) {
        t.problem("pattern", "'" + pattern + "' is not a valid pattern: " + e.getMessage());
        pattern = null;
      }
    }
    WindowUnit grain = t.enumOf("grain", WindowUnit.class, WindowUnit.DAY);
    PeriodStamp stamp = t.enumOf("stamp", PeriodStamp.class, PeriodStamp.START);
    checkGrain(t, grain, stamp);
    return new TimeSpec(
        column,
        pattern == null ? "yyyy-MM-dd" : pattern,
        t.zone("zone"),
        t.date("earliest"),
        grain,
        stamp);
  }

  /**
   * A row of a weekly or monthly export stands for its whole period, so the period must be one
   * window of the run. Finer windows would need its value split by a guess; weeks do not nest in
   * months (a week can span two, a month holds four or five), so monthly values of weekly rows
   * would be sums of a varying number of weeks. Both are refused here rather than computed.
   */
  private void checkGrain(Section t, WindowUnit grain, PeriodStamp stamp) {
    if (grain == WindowUnit.DAY) {
      if (stamp == PeriodStamp.END) {
        t.problem(
            "stamp",
            "time.stamp = end needs time.grain = week or month: a row that stands for its own day"
                + " has no period to end");
      }
      return;
    }
    if (grain == window) {
      return;
    }
    String setting = "time.grain = " + grain.key() + " ";
    if (window.compareTo(grain) < 0) {
      t.problem(
          "grain",
          setting
              + "is coarser than run.window = "
              + window.key()
              + ": a row stands for a whole "
              + grain.key()
              + ", and splitting its value into "
              + window.key()
              + "s would invent how it spread over them; set run.window = "
              + grain.key()
              + " (or read this source in a run of its own)");
    } else { // windows coarser than the grain: only weeks on month windows
      t.problem(
          "grain",
          setting
              + "does not fit run.window = "
              + window.key()
              + ": a week can span two months and a month holds four or five weeks, so a"
              + " month's value would sum a varying number of weeks; set run.window = "
              + grain.key());
    }
  }

  private MetricSpec metric(
      String source, String name, Section s, ConfigValue value, boolean periodGrain) {
    String key = "metrics." + Section.quoteIfNeeded(name);
    if (!name.matches(NAME)) {
      s.problem(key, "metric names use letters, digits, '-' and '_' only");
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      s.problem(key, "expected a block such as { column = x, aggregate = sum }");
      return new MetricSpec(source, name, null, Aggregate.COUNT, Map.of(), GapPolicy.ZERO);
    }
    Config own = ((ConfigObject) value).toConfig();
    Section raw = new Section(own, s.path(key), fileOf(s), problems(s));
    raw.rejectUnknownKeys(knownMetric.root());
    Section m = new Section(own.withFallback(metricDefaults), s.path(key), fileOf(s), problems(s));
    Aggregate aggregate = m.enumOf("aggregate", Aggregate.class, Aggregate.SUM);
    String column = m.optString("column");
    if (column == null && aggregate != Aggregate.COUNT) {
      m.problem("column", "is required for aggregate " + aggregate.key());
    }
    String gapText = m.optString("gap");
    // A week or month without its row in a weekly or monthly export is unknown, not a week of
    // zero sales: the export has a row for every period, so a missing one is missing data.
    GapPolicy gap = periodGrain ? GapPolicy.MISSING : aggregate.defaultGap();
    if (gapText != null && !gapText.equals("default")) {
      gap = m.enumOf("gap", GapPolicy.class, gap);
    }
    boolean nonNegative = m.bool("non-negative", false);
    if (nonNegative && column == null) {
      m.problem("non-negative", "needs a column: a count of rows is never negative");
    }
    return new MetricSpec(
        source,
        name,
        column,
        aggregate,
        where(m),
        gap,
        nonNegative,
        display(name, aggregate, m, own));
  }

  /** The metric's {@code name}, {@code unit} and {@code kind}, for the report's words. */
  private static MetricDisplay display(String name, Aggregate aggregate, Section m, Config own) {
    MetricDisplay fallback = MetricDisplay.defaults(name, aggregate);
    String shown = m.optString("name");
    // optString reads an empty text as no text: a name set to "" is a mistake, said so.
    if (shown == null
        && own.hasPath("name")
        && own.getValue("name").valueType() == ConfigValueType.STRING) {
      m.problem("name", "is empty: leave it out to show the metric as \"" + fallback.name() + "\"");
    }
    String unit = m.optString("unit");
    return new MetricDisplay(
        shown == null ? fallback.name() : shown,
        unit,
        m.optString("kind") == null
            ? fallback.kind()
            : m.enumOf("kind", MetricKind.class, fallback.kind()));
  }

  private static Map<String, List<String>> where(Section m) {
    return conditions(m, "where");
  }

  /** A block of {@code column = value} or {@code column = [values]} conditions. */
  private static Map<String, List<String>> conditions(Section m, String name) {
    Map<String, List<String>> where = new LinkedHashMap<>();
    if (!m.config().hasPath(name)) {
      return where;
    }
    ConfigValue value = m.config().getValue(name);
    if (value.valueType() != ConfigValueType.OBJECT) {
      m.problem(name, "expected a block of column = value conditions");
      return where;
    }
    conditions(m, name, null, (ConfigObject) value, where);
    return where;
  }

  /**
   * The conditions of a block, into {@code where}. A block inside it names a nested field: HOCON
   * reads {@code traffic_source.medium = social} unquoted as {@code traffic_source { medium =
   * social }}, which is the column {@code traffic_source.medium} (GA4's BigQuery export).
   */
  private static void conditions(
      Section m, String key, String parent, ConfigObject block, Map<String, List<String>> where) {
    for (String field : Section.orderedKeys(block)) {
      String column = parent == null ? field : parent + "." + field;
      String path = key + "." + Section.quoteIfNeeded(field);
      ConfigValue v = block.get(field);
      List<String> accepted = new ArrayList<>();
      if (v.valueType() == ConfigValueType.LIST) {
        for (Object o : (List<?>) v.unwrapped()) {
          accepted.add(String.valueOf(o));
        }
      } else if (v.valueType() == ConfigValueType.OBJECT && !((ConfigObject) v).isEmpty()) {
        conditions(m, path, column, (ConfigObject) v, where);
      } else if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.NULL) {
        m.problem(path, "expected a value or a list of values");
      } else {
        accepted.add(String.valueOf(v.unwrapped()));
      }
      if (!accepted.isEmpty()) {
        where.put(column, List.copyOf(accepted));
      }
    }
  }

  private String resolve(String path) {
    return location.resolve(path);
  }

  private static String fileOf(Section s) {
    return s.file();
  }

  private static List<ConfigProblem> problems(Section s) {
    return s.problems();
  }
}
