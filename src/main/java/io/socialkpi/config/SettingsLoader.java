package io.socialkpi.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.socialkpi.calendar.WindowUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a job config (HOCON) over {@code reference.conf} into one typed {@link Settings}, eagerly,
 * before Spark starts. Every mistake found is reported with its key path and file line.
 */
public final class SettingsLoader {
  private SettingsLoader() {}

  /** Loads and validates {@code file}; throws {@link ConfigError} listing every problem. */
  public static Settings load(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw ConfigError.of(name, -1, "--config", "no such config file");
    }
    Config parsed;
    Config reference = ConfigFactory.defaultReference();
    try {
      parsed =
          ConfigFactory.parseFile(
                  file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
              .withFallback(reference)
              .resolve();
    } catch (ConfigException e) {
      int line = e.origin() == null ? -1 : e.origin().lineNumber();
      throw ConfigError.of(name, line, "socialkpi", e.getMessage());
    }
    Path baseDir = file.toAbsolutePath().getParent();
    return build(parsed, reference, name, baseDir);
  }

  static Settings build(Config root, Config reference, String file, Path baseDir) {
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
        problems.add(new ConfigProblem(file, line, p.path(), p.problem()));
      }
      throw new ConfigError(problems);
    }
    Section top = new Section(root.getConfig("socialkpi"), "socialkpi", file, problems);
    top.rejectUnknownKeys(reference.getObject("socialkpi"));
    defaults(top, reference);
    RunSettings run = run(top.child("run"), reference);
    Map<String, SourceSpec> sources = sources(top, root, reference, baseDir, run.window());
    List<ObjectiveSpec> objectives = objectives(top, root, reference, sources);
    AnalysisSettings analysis = analysis(top.child("analysis"), reference);
    SparkSettings spark = spark(top.child("spark"), reference);
    ReportSettings report = report(top.child("report"), reference);
    CatalogSettings catalog = catalog(top.child("catalog"), reference);
    if (!problems.isEmpty()) {
      throw new ConfigError(problems);
    }
    return new Settings(
        file,
        top.optString("strategy"),
        run,
        sources,
        objectives,
        analysis,
        spark,
        report,
        catalog);
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
    for (String block : List.of("metric-defaults", "objective-defaults", "tactic-defaults")) {
      top.child(block).rejectUnknownKeys(reference.getObject("socialkpi." + block));
    }
  }

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
    return new RunSettings(
        r.zone("zone"),
        r.enumOf("window", WindowUnit.class, WindowUnit.WEEK),
        output,
        r.date("run-date"),
        maxFraction,
        r.duration("lock-stale-after", java.time.Duration.ofMinutes(10)),
        keepRuns(r));
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
      Section top, Config root, Config reference, Path baseDir, WindowUnit window) {
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
    SourceSpecReader reader = new SourceSpecReader(root, reference, baseDir, window);
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
      sources.put(name, reader.read(name, raw));
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
      ObjectiveSpec objective = reader.read(raw);
      if (objective.id() != null && !ids.add(objective.id())) {
        raw.problem("id", "objective '" + objective.id() + "' is declared twice");
      }
      objectives.add(objective);
    }
    return objectives;
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
        r.bool("enabled", true), Math.max(1, maxEntities), count(r, "examples-per-reason"));
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
    for (Map.Entry<String, ConfigValue> e : s.config().getConfig("conf").entrySet()) {
      conf.put(
          String.join(".", ConfigUtil.splitPath(e.getKey())),
          String.valueOf(e.getValue().unwrapped()));
    }
    return new SparkSettings(s.optString("master"), s.optString("app-name"), Map.copyOf(conf));
  }
}
