package io.socialkpi.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A block of the job config (with its defaults behind it) that reads typed values and records a
 * {@link ConfigProblem} naming the full key path and the file line for every bad one, so a run of
 * {@code validate} reports every mistake at once.
 */
record Section(Config config, String path, String file, List<ConfigProblem> problems) {

  String path(String key) {
    return key.isEmpty() ? path : path + "." + key;
  }

  /**
   * The block at {@code key}. A value where a block belongs ({@code overlap = newest} for {@code
   * overlap.keep = newest}) is a problem, and the block is then read as empty (its defaults).
   */
  Section child(String key) {
    if (config.hasPathOrNull(key)
        && (config.getIsNull(key) || config.getValue(key).valueType() != ConfigValueType.OBJECT)) {
      problem(
          key,
          "expected a block { ... }, found "
              + (config.getIsNull(key)
                  ? "null"
                  : config.getValue(key).valueType().name().toLowerCase(Locale.ROOT))
              + " (a key inside it is written "
              + key
              + ".<key> = value)");
      return new Section(com.typesafe.config.ConfigFactory.empty(), path(key), file, problems);
    }
    return new Section(config.getConfig(key), path(key), file, problems);
  }

  void problem(String key, String message) {
    problems.add(new ConfigProblem(fileOf(origin(key)), line(key), path(key), message));
  }

  /** The origin of the value at {@code key} (or of its nearest block), or null. */
  private ConfigOrigin origin(String key) {
    try {
      if (!key.isEmpty() && config.hasPathOrNull(key)) {
        if (config.getIsNull(key)) {
          // getValue refuses a null: walk to the null value, whose origin has its line
          ConfigValue v = config.root();
          for (String part : com.typesafe.config.ConfigUtil.splitPath(key)) {
            v = v instanceof ConfigObject o ? o.get(part) : null;
          }
          return v == null ? config.root().origin() : v.origin();
        }
        return config.getValue(key).origin();
      }
      return config.root().origin();
    } catch (ConfigException e) {
      return null;
    }
  }

  int line(String key) {
    try {
      if (key.isEmpty()) {
        return lineOf(config.root().origin());
      }
      if (config.hasPathOrNull(key)) {
        return lineOf(origin(key));
      }
      int dot = key.lastIndexOf('.');
      return dot < 0 ? lineOf(config.root().origin()) : line(key.substring(0, dot));
    } catch (ConfigException e) {
      return -1;
    }
  }

  private static int lineOf(ConfigOrigin origin) {
    return origin == null ? -1 : origin.lineNumber();
  }

  boolean isSet(String key) {
    return config.hasPath(key);
  }

  /** A string, or null when the key is null or absent. */
  String optString(String key) {
    if (!config.hasPath(key)) {
      return null;
    }
    ConfigValue value = config.getValue(key);
    if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
      problem(
          key,
          "expected a single value, found " + value.valueType().name().toLowerCase(Locale.ROOT));
      return null;
    }
    String s = String.valueOf(value.unwrapped()).trim();
    return s.isEmpty() ? null : s;
  }

  String requiredString(String key) {
    String s = optString(key);
    // optString already reported a list or block here: one problem per key is enough.
    if (s == null
        && !problems.isEmpty()
        && problems.get(problems.size() - 1).path().equals(path(key))) {
      return null;
    }
    if (s == null) {
      problem(key, "is required");
    }
    return s;
  }

  /**
   * The value {@code read} takes from the key, or {@code fallback} after a problem saying what was
   * {@code expected} when the key holds none of its type.
   */
  private <T> T typed(String key, T fallback, String expected, Function<String, T> read) {
    try {
      return read.apply(key);
    } catch (ConfigException e) {
      problem(key, expected);
      return fallback;
    }
  }

  boolean bool(String key, boolean fallback) {
    return typed(key, fallback, "expected true or false", config::getBoolean);
  }

  double number(String key, double fallback) {
    return typed(key, fallback, "expected a number", config::getDouble);
  }

  /** A positive HOCON duration, or null where the key is null (its default's meaning applies). */
  Duration optDuration(String key) {
    return config.hasPath(key) ? duration(key, null) : null;
  }

  /** A positive HOCON duration ({@code 24h}, {@code 90m}). */
  Duration duration(String key, Duration fallback) {
    Duration d = typed(key, null, "expected a duration such as 24h or 90m", config::getDuration);
    if (d != null && (d.isNegative() || d.isZero())) {
      problem(key, "expected a positive duration, found " + d);
      return fallback;
    }
    return d == null ? fallback : d;
  }

  /** A positive HOCON size in bytes ({@code 1MiB}, {@code 500KiB}, {@code 4096}). */
  long bytes(String key, long fallback) {
    Long b = typed(key, null, "expected a size such as 1MiB or 500KiB", config::getBytes);
    if (b != null && b <= 0) {
      problem(key, "expected a positive size, found " + b);
      return fallback;
    }
    return b == null ? fallback : b;
  }

  LocalDate date(String key) {
    String s = optString(key);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      problem(key, "'" + s + "' is not a date (expected YYYY-MM-DD)");
      return null;
    }
  }

  ZoneId zone(String key) {
    String s = optString(key);
    if (s == null) {
      problem(key, "is required");
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(s);
    } catch (DateTimeException e) {
      problem(key, "unknown time zone '" + s + "' (use a region id such as Europe/Helsinki)");
      return ZoneId.of("UTC");
    }
  }

  <E extends Enum<E>> E enumOf(String key, Class<E> type, E fallback) {
    String s = optString(key);
    if (s == null) {
      problem(key, "is required");
      return fallback;
    }
    String constant = s.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(constant)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    problem(key, "unknown value '" + s + "' (one of " + String.join(", ", allowed) + ")");
    return fallback;
  }

  /** A list of strings; a single string is taken as a list of one. */
  List<String> stringList(String key) {
    if (!config.hasPath(key)) {
      return List.of();
    }
    ConfigValue value = config.getValue(key);
    if (value.valueType() == ConfigValueType.LIST) {
      List<String> out = new ArrayList<>();
      for (Object o : (List<?>) value.unwrapped()) {
        if (o instanceof List || o instanceof java.util.Map || o == null) {
          problem(key, "expected a list of plain values");
          return List.of();
        }
        out.add(String.valueOf(o));
      }
      return out;
    }
    String single = optString(key);
    return single == null ? List.of() : List.of(single);
  }

  List<Integer> intList(String key) {
    return typed(key, List.of(), "expected a list of whole numbers", config::getIntList);
  }

  /** Reports keys of this block that the reference block does not know (typos). */
  void rejectUnknownKeys(ConfigObject reference) {
    Set<String> known = reference.keySet();
    Set<String> unknown = new TreeSet<>(config.root().keySet());
    unknown.removeAll(known);
    for (String key : unknown) {
      problems.add(
          new ConfigProblem(
              fileOf(config.root().get(key).origin()),
              lineOf(config.root().get(key).origin()),
              path(quoteIfNeeded(key)),
              "unknown key (known keys: " + String.join(", ", new TreeSet<>(known)) + ")"));
    }
  }

  /**
   * Reports every key of this block whose value has the wrong shape for its reference key: a list
   * or block where reference.conf has a single value ({@code csv { delimiter = [";"] }}), a single
   * value or list where it has a block, a block where it has a list. A key whose default is null
   * takes a single value unless it is in {@code blocks}. Keys the reference does not know are left
   * to {@link #rejectUnknownKeys}; the contents of an empty reference block ({@code where}, {@code
   * skip-rows}) are free.
   */
  void checkShapes(ConfigObject reference, Set<String> blocks) {
    for (String key : orderedKeys(config.root())) {
      ConfigValue ref = reference.get(key);
      ConfigValue value = config.root().get(key);
      if (ref == null || value == null) {
        continue;
      }
      String quoted = quoteIfNeeded(key);
      if (value.valueType() == ConfigValueType.NULL) {
        // null where a block of settings belongs (run, csv, time, ...): readers would meet an
        // empty block and report each of its keys without a line. A block that is empty by
        // default (where, skip-rows, spark.conf) may be null: none.
        if (ref instanceof ConfigObject refBlock && !refBlock.isEmpty()) {
          problems.add(
              new ConfigProblem(
                  fileOf(value.origin()),
                  lineOf(value.origin()),
                  path(quoted),
                  "expected a block { ... }, found null (a key inside it is written "
                      + key
                      + ".<key> = value)"));
        }
        continue;
      }
      ConfigValueType expected =
          ref.valueType() == ConfigValueType.NULL && blocks.contains(key)
              ? ConfigValueType.OBJECT
              : ref.valueType();
      ConfigValueType found = value.valueType();
      String problem = null;
      if (expected == ConfigValueType.OBJECT) {
        if (found != ConfigValueType.OBJECT) {
          problem =
              "expected a block { ... }, found "
                  + typeName(found)
                  + " (a key inside it is written "
                  + key
                  + ".<key> = value)";
        } else if (ref instanceof ConfigObject refBlock && !refBlock.isEmpty()) {
          new Section(((ConfigObject) value).toConfig(), path(quoted), file, problems)
              .checkShapes(refBlock, Set.of());
        }
      } else if (expected == ConfigValueType.LIST) {
        if (found == ConfigValueType.OBJECT) {
          problem = "expected a list [ ... ], found a block";
        }
      } else if (found == ConfigValueType.LIST || found == ConfigValueType.OBJECT) {
        problem =
            "expected a single value"
                + (ref.valueType() == ConfigValueType.NULL
                    ? ""
                    : " such as " + ref.render(ConfigRenderOptions.concise()))
                + ", found a "
                + typeName(found)
                + " "
                + value.render(ConfigRenderOptions.concise());
      }
      if (problem != null) {
        problems.add(
            new ConfigProblem(
                fileOf(value.origin()), lineOf(value.origin()), path(quoted), problem));
      }
    }
  }

  private static String typeName(ConfigValueType type) {
    return switch (type) {
      case OBJECT -> "block";
      case LIST -> "list";
      default -> type.name().toLowerCase(Locale.ROOT);
    };
  }

  /** The file a value was written in: an included file's own name, else the job config's. */
  private String fileOf(ConfigOrigin origin) {
    return Origins.file(origin, file);
  }

  /** The keys of a block in the order they are written (HOCON objects are unordered maps). */
  static List<String> orderedKeys(ConfigObject block) {
    List<String> keys = new ArrayList<>(block.keySet());
    keys.sort(
        java.util.Comparator.<String>comparingInt(
                k -> {
                  ConfigOrigin o = block.get(k).origin();
                  return o == null || o.lineNumber() < 0 ? Integer.MAX_VALUE : o.lineNumber();
                })
            .thenComparing(k -> k));
    return keys;
  }

  static String quoteIfNeeded(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }
}
