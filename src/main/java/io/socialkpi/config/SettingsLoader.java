package io.socialkpi.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import io.socialkpi.calendar.WindowUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Reads a job config (HOCON) over {@code reference.conf} into one typed {@link Settings}, eagerly,
 * before Spark starts. Every mistake found is reported with its key path and file line.
 */
public final class SettingsLoader {
  private SettingsLoader() {}

  /** Loads and validates a local {@code file}; throws {@link ConfigError} listing every problem. */
  public static Settings load(Path file) {
    return load(file.toString(), List.of(), new Configuration());
  }

  /**
   * Loads and validates the job config at {@code location}, a local path or any Hadoop URI ({@code
   * file:///...}, {@code hdfs:///...}, {@code s3a://...}), with {@code --set key=value} overrides
   * applied over it; throws {@link ConfigError} listing every problem.
   */
  public static Settings load(String location, List<String> overrides, Configuration hadoop) {
    Config reference = ConfigFactory.defaultReference();
    Parsed parsed = parse(location, hadoop);
    Config root;
    try {
      root = overrides(overrides).withFallback(parsed.config()).withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw ConfigError.of(
          Origins.file(e.origin(), parsed.location().name()),
          e.origin() == null ? -1 : e.origin().lineNumber(),
          "socialkpi",
          unexpected(e));
    }
    return build(root, reference, parsed.location());
  }

  private record Parsed(ConfigLocation location, Config config) {}

  private static Parsed parse(String location, Configuration hadoop) {
    String name = Uris.redact(location);
    ConfigLocation where;
    String text;
    ConfigParseOptions options = ConfigParseOptions.defaults().setAllowMissing(false);
    if (ConfigLocation.isUri(location)) {
      org.apache.hadoop.fs.Path path;
      try {
        path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = path.getFileSystem(hadoop);
        path = fs.makeQualified(path);
        if (!isFile(fs, path)) {
          throw ConfigError.of(name, -1, "--config", "no such config file");
        }
        text = read(path, hadoop);
      } catch (IOException | IllegalArgumentException e) {
        throw ConfigError.of(name, -1, "--config", "cannot read the config: " + e.getMessage());
      }
      String uri = Uris.redact(ConfigLocation.absolute(path.toUri()));
      where = new ConfigLocation(name, uri, path.getParent().toString());
      options =
          options
              .setOriginDescription(name)
              .setIncluder(new HadoopIncluder(path.getParent(), hadoop));
    } else {
      Path file = Path.of(location);
      if (!Files.isRegularFile(file)) {
        throw ConfigError.of(name, -1, "--config", "no such config file");
      }
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw ConfigError.of(name, -1, "--config", "cannot read the config: " + e.getMessage());
      }
      where = ConfigLocation.local(file);
    }
    try {
      Config config =
          ConfigLocation.isUri(location)
              ? ConfigFactory.parseString(text, options)
              : ConfigFactory.parseFile(Path.of(location).toFile(), options);
      return new Parsed(where, config);
    } catch (ConfigException.Parse e) {
      throw syntaxError(e, name, text);
    } catch (ConfigException e) {
      throw ConfigError.of(
          Origins.file(e.origin(), name),
          e.origin() == null ? -1 : e.origin().lineNumber(),
          "socialkpi",
          unexpected(e));
    }
  }

  /** A config file that does not parse or resolve, as a problem naming the file once. */
  public static ConfigError parseError(ConfigException e, String name, Path file) {
    if (e instanceof ConfigException.Parse) {
      try {
        return syntaxError(e, name, Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException unreadable) {
        // fall through: the parser's own words
      }
    }
    return ConfigError.of(
        Origins.file(e.origin(), name),
        e.origin() == null ? -1 : e.origin().lineNumber(),
        "socialkpi",
        unexpected(e));
  }

  /**
   * A syntax error names its file once, and the bracket that is not closed (or does not match) at
   * its own line rather than where the parser gave up.
   */
  static ConfigError syntaxError(ConfigException e, String name, String text) {
    String file = Origins.file(e.origin(), name);
    if (file.equals(name)) {
      HoconBrackets.Problem bracket = HoconBrackets.find(text);
      if (bracket != null) {
        return ConfigError.of(name, bracket.line(), "syntax", bracket.message());
      }
    }
    return ConfigError.of(
        file, e.origin() == null ? -1 : e.origin().lineNumber(), "syntax", unexpected(e));
  }

  /** {@code --set key=value} (HOCON values); the later of two settings of a key wins. */
  private static Config overrides(List<String> overrides) {
    Config out = ConfigFactory.empty();
    for (String set : overrides) {
      int eq = set.indexOf('=');
      // an override of a secret (spark.conf's s3a secret key) is never printed, even in an error
      String origin =
          eq > 0 && ConfigProvenance.secretKey(set.substring(0, eq))
              ? "--set " + set.substring(0, eq) + "=" + ConfigProvenance.REDACTED
              : "--set " + Uris.redact(set);
      if (eq <= 0) {
        throw ConfigError.of("--set", -1, set, "expected key=value, such as run.window=day");
      }
      String key = set.substring(0, eq).strip();
      if (!key.equals("socialkpi") && !key.startsWith("socialkpi.")) {
        key = "socialkpi." + key;
      }
      try {
        Config one =
            ConfigFactory.parseString(
                key + " = " + set.substring(eq + 1),
                ConfigParseOptions.defaults().setOriginDescription(origin));
        out = one.withFallback(out);
      } catch (ConfigException e) {
        throw ConfigError.of(
            origin,
            -1,
            key,
            origin.endsWith("=" + ConfigProvenance.REDACTED)
                ? "cannot be read as HOCON (the parser's words are not shown: they may quote the"
                    + " secret)"
                : "cannot be read as HOCON: " + Uris.redact(unexpected(e)));
      }
    }
    return out;
  }

  /** The whole text of a file on any Hadoop file system, as UTF-8. */
  static String read(org.apache.hadoop.fs.Path path, Configuration hadoop) throws IOException {
    try (java.io.InputStream in = path.getFileSystem(hadoop).open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Settings build(Config root, Config reference, ConfigLocation location) {
    String file = location.name();
    ConfigValue block = root.root().get("socialkpi");
    if (block == null || block.valueType() != ConfigValueType.OBJECT) {
      // socialkpi = null (or a value): nothing below can be read
      throw ConfigError.of(
          block == null ? file : Origins.file(block.origin(), file),
          block == null || block.origin() == null ? -1 : block.origin().lineNumber(),
          "socialkpi",
          "expected a block { ... }, found "
              + (block == null ? "nothing" : block.valueType().name().toLowerCase(Locale.ROOT)));
    }
    List<ConfigProblem> problems = new ArrayList<>();
    try {
      root.checkValid(
          reference,
          "socialkpi.run",
          "socialkpi.analysis",
          "socialkpi.spark",
          "socialkpi.report",
          "socialkpi.catalog",
          "socialkpi.source-defaults",
          "socialkpi.metric-defaults",
          "socialkpi.objective-defaults",
          "socialkpi.tactic-defaults");
    } catch (ConfigException.ValidationFailed e) {
      for (ConfigException.ValidationProblem p : e.problems()) {
        int line = p.origin() == null ? -1 : p.origin().lineNumber();
        problems.add(
            new ConfigProblem(Origins.file(p.origin(), file), line, p.path(), p.problem()));
      }
    }
    Section top = new Section(root.getConfig("socialkpi"), "socialkpi", file, problems);
    checkShapes(top, reference);
    if (!problems.isEmpty()) {
      // checkValid and the shape check may both name a key: once is enough
      Map<String, ConfigProblem> once = new LinkedHashMap<>();
      problems.forEach(p -> once.putIfAbsent(p.path(), p));
      throw new ConfigError(List.copyOf(once.values()));
    }
    top.rejectUnknownKeys(reference.getObject("socialkpi"));
    defaults(top, reference);
    RunSettings run = run(top.child("run"), reference);
    Map<String, SourceSpec> sources = sources(top, root, reference, location, run.window());
    Settings settings =
        new Settings(
            file,
            top.optString("strategy"),
            run,
            sources,
            objectives(top, root, reference, sources),
            analysis(top.child("analysis"), reference),
            spark(top.child("spark"), reference),
            report(top.child("report"), reference),
            catalog(top.child("catalog"), reference),
            ConfigProvenance.of(location, root));
    if (!problems.isEmpty()) {
      throw new ConfigError(problems);
    }
    return settings;
  }

  /**
   * A list or block where a single value belongs, anywhere: the top-level blocks and defaults,
   * every preset, source, metric, objective and tactic. Checked before anything is read, so that no
   * reader meets a value of the wrong shape.
   */
  private static void checkShapes(Section top, Config reference) {
    ConfigObject known = reference.getObject("socialkpi");
    ConfigObject sourceKeys = reference.getObject("socialkpi.source-defaults");
    ConfigObject metricKeys = reference.getObject("socialkpi.metric-defaults");
    // presets are checked one by one below, as blocks of source keys
    top.checkShapes(known.withValue("presets", ConfigValueFactory.fromMap(Map.of())), Set.of());
    for (Map.Entry<String, ConfigValue> e : blocks(top, "presets").entrySet()) {
      block(top, "presets", e).checkShapes(sourceKeys, Set.of());
    }
    for (Map.Entry<String, ConfigValue> e : blocks(top, "sources").entrySet()) {
      Section source = block(top, "sources", e);
      source.checkShapes(sourceKeys, Set.of());
      for (Map.Entry<String, ConfigValue> m : blocks(source, "metrics").entrySet()) {
        block(source, "metrics", m).checkShapes(metricKeys, Set.of());
      }
    }
    if (top.config().hasPath("objectives")
        && top.config().getValue("objectives") instanceof ConfigList objectives) {
      for (int i = 0; i < objectives.size(); i++) {
        if (objectives.get(i) instanceof ConfigObject o) {
          Section objective =
              new Section(
                  o.toConfig(), top.path("objectives[" + i + "]"), top.file(), top.problems());
          objective.checkShapes(
              reference.getObject("socialkpi.objective-defaults"), Set.of("target"));
          if (o.get("tactics") instanceof ConfigList tactics) {
            for (int j = 0; j < tactics.size(); j++) {
              if (tactics.get(j) instanceof ConfigObject t) {
                new Section(
                        t.toConfig(),
                        objective.path("tactics[" + j + "]"),
                        top.file(),
                        top.problems())
                    .checkShapes(reference.getObject("socialkpi.tactic-defaults"), Set.of());
              }
            }
          }
        }
      }
    }
  }

  /** The named blocks of a block such as {@code sources} (values that are not blocks: none). */
  private static Map<String, ConfigValue> blocks(Section s, String key) {
    Map<String, ConfigValue> out = new LinkedHashMap<>();
    if (s.config().hasPath(key) && s.config().getValue(key) instanceof ConfigObject block) {
      for (String name : Section.orderedKeys(block)) {
        if (block.get(name) instanceof ConfigObject) {
          out.put(name, block.get(name));
        }
      }
    }
    return out;
  }

  private static Section block(Section s, String key, Map.Entry<String, ConfigValue> e) {
    return new Section(
        ((ConfigObject) e.getValue()).toConfig(),
        s.path(key + "." + Section.quoteIfNeeded(e.getKey())),
        s.file(),
        s.problems());
  }

  /**
   * The job config's {@code *-defaults} blocks apply to every source, metric, objective and tactic;
   * a key there that reference.conf does not know is a typo like any other.
   */
  private static void defaults(Section top, Config reference) {
    Section source = top.child("source-defaults");
    source.rejectUnknownKeys(reference.getObject("socialkpi.source-defaults"));
    source.child("csv").rejectUnknownKeys(reference.getObject("socialkpi.source-defaults.csv"));
    source.child("time").rejectUnknownKeys(reference.getObject("socialkpi.source-defaults.time"));
    Config csv = source.child("csv").config();
    if (csv.hasPath("skip-lines")
        && csv.getValue("skip-lines").valueType() == ConfigValueType.STRING
        && csv.getString("skip-lines").strip().equals("auto")) {
      // Every source would look for its header by its own columns, a GA source (csv.tables) or
      // one without a header would be an error it never set, JSON and Parquet would ignore it.
      source
          .child("csv")
          .problem(
              "skip-lines",
              "auto is set on a source or a preset (it finds each file's header by the columns"
                  + " that source reads), not in source-defaults, which takes a count");
    }
    for (String block : List.of("metric-defaults", "objective-defaults", "tactic-defaults")) {
      top.child(block).rejectUnknownKeys(reference.getObject("socialkpi." + block));
    }
  }

  /** The shortest run.lock-stale-after: a heartbeat every second. */
  static final java.time.Duration MIN_LOCK_STALE_AFTER = java.time.Duration.ofSeconds(10);

  private static RunSettings run(Section r, Config reference) {
    r.rejectUnknownKeys(reference.getObject("socialkpi.run"));
    double maxFraction = r.number("quarantine-max-fraction", 0.05);
    if (maxFraction < 0 || maxFraction > 1) {
      r.problem(
          "quarantine-max-fraction", "expected a fraction between 0 and 1, found " + maxFraction);
    }
    String output = r.optString("output");
    if (output == null) {
      r.problem("output", "is required");
    }
    java.time.Duration staleAfter =
        r.duration("lock-stale-after", java.time.Duration.ofMinutes(10));
    if (!staleAfter.isNegative()
        && !staleAfter.isZero()
        && staleAfter.compareTo(MIN_LOCK_STALE_AFTER) < 0) {
      // A lease shorter than a few heartbeats' round trips and the file system's timestamp
      // granularity (one or two seconds on some) makes a live lock look stale to another run.
      r.problem(
          "lock-stale-after",
          "expected at least "
              + MIN_LOCK_STALE_AFTER.toSeconds()
              + "s (the lease a live run must renew), found "
              + staleAfter);
    }
    return new RunSettings(
        r.zone("zone"),
        r.enumOf("window", WindowUnit.class, WindowUnit.WEEK),
        output,
        r.date("run-date"),
        maxFraction,
        staleAfter,
        keepRuns(r),
        r.enumOf("output-format", OutputFormat.class, OutputFormat.PARQUET));
  }

  /** {@code run.keep-runs}: null (absent) keeps every run, else a whole number from 1. */
  private static int keepRuns(Section r) {
    if (!r.isSet("keep-runs")) {
      return 0;
    }
    ConfigValue value = r.config().getValue("keep-runs");
    double v =
        value.valueType() == ConfigValueType.NUMBER
            ? ((Number) value.unwrapped()).doubleValue()
            : 0;
    if (v < 1 || v != Math.floor(v) || v > Integer.MAX_VALUE) {
      r.problem(
          "keep-runs",
          "expected a whole number of runs, 1 or more (null keeps every run), found "
              + value.unwrapped());
      return 0;
    }
    return (int) v;
  }

  private static Map<String, SourceSpec> sources(
      Section top, Config root, Config reference, ConfigLocation location, WindowUnit window) {
    Map<String, SourceSpec> sources = new LinkedHashMap<>();
    if (!top.isSet("sources")) {
      top.problem("sources", "is required: declare at least one source");
      return sources;
    }
    ConfigValue value = top.config().getValue("sources");
    if (value.valueType() != ConfigValueType.OBJECT) {
      top.problem("sources", "expected a block of named sources");
      return sources;
    }
    SourceSpecReader reader = new SourceSpecReader(root, reference, location, window);
    ConfigObject block = (ConfigObject) value;
    for (String name : Section.orderedKeys(block)) {
      String key = "sources." + Section.quoteIfNeeded(name);
      if (block.get(name).valueType() != ConfigValueType.OBJECT) {
        top.problem(key, "expected a block { path = ..., format = ..., ... }");
        continue;
      }
      Section raw =
          new Section(
              ((ConfigObject) block.get(name)).toConfig(),
              top.path(key),
              top.file(),
              top.problems());
      try {
        sources.put(name, reader.read(name, raw));
      } catch (ConfigException e) {
        // a value no check foresaw: still a config problem at its line, never a stack trace
        raw.problem("", unexpected(e));
      }
    }
    return sources;
  }

  private static List<ObjectiveSpec> objectives(
      Section top, Config root, Config reference, Map<String, SourceSpec> sources) {
    List<ObjectiveSpec> objectives = new ArrayList<>();
    List<? extends ConfigObject> list;
    try {
      list =
          top.config().hasPath("objectives") ? top.config().getObjectList("objectives") : List.of();
    } catch (ConfigException e) {
      top.problem("objectives", "expected a list of objective blocks");
      return objectives;
    }
    ObjectiveSpecReader reader = new ObjectiveSpecReader(root, reference, sources);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Section raw =
          new Section(
              list.get(i).toConfig(),
              top.path("objectives[" + i + "]"),
              top.file(),
              top.problems());
      ObjectiveSpec objective;
      try {
        objective = reader.read(raw);
      } catch (ConfigException e) {
        raw.problem("", unexpected(e));
        continue;
      }
      if (objective.id() != null && !ids.add(objective.id())) {
        raw.problem("id", "objective '" + objective.id() + "' is declared twice");
      }
      objectives.add(objective);
    }
    return objectives;
  }

  /** A typesafe-config exception's own words, without its origin (the problem names that). */
  private static String unexpected(ConfigException e) {
    String m = e.getMessage();
    String origin = e.origin() == null ? null : e.origin().description();
    if (origin != null && m.startsWith(origin + ": ")) {
      m = m.substring(origin.length() + 2);
    }
    return m;
  }

  private static AnalysisSettings analysis(Section a, Config reference) {
    a.rejectUnknownKeys(reference.getObject("socialkpi.analysis"));
    double confidence = a.number("confidence", 0.95);
    double alpha = a.number("alpha", 0.05);
    if (!(confidence > 0 && confidence < 1)) {
      a.problem("confidence", "expected a level between 0 and 1, found " + confidence);
    }
    if (!(alpha > 0 && alpha < 1)) {
      a.problem("alpha", "expected a level between 0 and 1, found " + alpha);
    }
    Section ba = a.child("before-after");
    ba.rejectUnknownKeys(reference.getObject("socialkpi.analysis.before-after"));
    int before = count(ba, "windows-before");
    int after = count(ba, "windows-after");
    int rampUp = count(ba, "ramp-up-windows");
    return new AnalysisSettings(
        confidence, alpha, before, after, rampUp, ba.bool("staggered", true));
  }

  private static int count(Section s, String key) {
    double v = s.number(key, 0);
    if (v < 0 || v != Math.floor(v)) {
      s.problem(key, "expected a whole number, 0 or more, found " + v);
      return 0;
    }
    return (int) v;
  }

  private static ReportSettings report(Section r, Config reference) {
    r.rejectUnknownKeys(reference.getObject("socialkpi.report"));
    int maxEntities = count(r, "max-entities");
    if (maxEntities < 1) {
      r.problem("max-entities", "expected at least 1 entity per objective, found " + maxEntities);
    }
    return new ReportSettings(
        r.bool("enabled", true),
        Math.max(1, maxEntities),
        count(r, "examples-per-reason"),
        r.optDuration("stale-after"));
  }

  private static CatalogSettings catalog(Section c, Config reference) {
    c.rejectUnknownKeys(reference.getObject("socialkpi.catalog"));
    String database = c.optString("database");
    if (database != null && !database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      c.problem(
          "database",
          "expected a database name of letters, digits and underscores, found '" + database + "'");
      return new CatalogSettings(null);
    }
    return new CatalogSettings(database);
  }

  private static SparkSettings spark(Section s, Config reference) {
    s.rejectUnknownKeys(reference.getObject("socialkpi.spark"));
    Map<String, String> conf = new LinkedHashMap<>();
    // conf = null: no settings (getConfig would throw)
    Config settings =
        s.config().getIsNull("conf") ? ConfigFactory.empty() : s.config().getConfig("conf");
    for (Map.Entry<String, ConfigValue> e : settings.entrySet()) {
      conf.put(
          String.join(".", ConfigUtil.splitPath(e.getKey())),
          String.valueOf(e.getValue().unwrapped()));
    }
    return new SparkSettings(s.optString("master"), s.optString("app-name"), Map.copyOf(conf));
  }

  /** {@code FileSystem.isFile}, which Hadoop deprecates: a missing path is no file. */
  private static boolean isFile(FileSystem fs, org.apache.hadoop.fs.Path path) throws IOException {
    try {
      return fs.getFileStatus(path).isFile();
    } catch (java.io.FileNotFoundException e) {
      return false;
    }
  }
}
