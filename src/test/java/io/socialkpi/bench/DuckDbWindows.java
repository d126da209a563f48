package io.socialkpi.bench;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TimeSpec;
import io.socialkpi.source.SourceLayout;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The job's ingest-and-window step written as one DuckDB query over the same files and config:
 * parse each source's time with its pattern and zone, take the local date in the reporting zone,
 * truncate it to the window, and aggregate every metric per entity and window, counting identical
 * rows once where the source de-duplicates. It skips what only the job does (quarantine reasons and
 * line numbers, window completeness), so it is the floor a single-machine engine sets for the same
 * arithmetic.
 */
final class DuckDbWindows {
  private DuckDbWindows() {}

  /** One query whose rows are (metric, entity, window_start, value) for every source's metrics. */
  static String query(Settings settings, Map<String, SourceLayout> layouts) {
    List<String> parts = new ArrayList<>();
    for (SourceSpec source : settings.sources().values()) {
      parts.add(sourceQuery(source, layouts.get(source.name()), settings));
    }
    return String.join("\nUNION ALL\n", parts);
  }

  private static String sourceQuery(SourceSpec source, SourceLayout layout, Settings settings) {
    String zone = settings.run().zone().getId();
    String window = window(settings.run().window());
    String entity = source.entity() == null ? "'all'" : "trim(" + ident(source.entity()) + ")";
    StringBuilder sql = new StringBuilder();
    sql.append("SELECT metric, entity, window_start, value FROM (SELECT ")
        .append(entity)
        .append(" AS entity, ")
        .append(window.replace("$d", localDate(source.time(), zone)))
        .append(" AS window_start");
    for (MetricSpec m : source.metrics()) {
      sql.append(",\n  ").append(aggregate(m)).append(" AS ").append(ident(m.id()));
    }
    sql.append("\n FROM ")
        .append(reader(source, layout))
        .append("\n WHERE ")
        .append(localDate(source.time(), zone))
        .append(" IS NOT NULL GROUP BY ALL)");
    sql.append(" UNPIVOT (value FOR metric IN (")
        .append(source.metrics().stream().map(m -> ident(m.id())).collect(Collectors.joining(", ")))
        .append("))");
    return sql.toString();
  }

  private static String aggregate(MetricSpec m) {
    String filter =
        m.where().isEmpty()
            ? ""
            : " FILTER (WHERE "
                + m.where().entrySet().stream()
                    .map(
                        e ->
                            "trim("
                                + ident(e.getKey())
                                + ") IN ("
                                + e.getValue().stream()
                                    .map(DuckDbWindows::quote)
                                    .collect(Collectors.joining(", "))
                                + ")")
                    .collect(Collectors.joining(" AND "))
                + ")";
    String value =
        m.column() == null ? null : "try_cast(trim(" + ident(m.column()) + ") AS DOUBLE)";
    return switch (m.aggregate()) {
      case COUNT -> "count(*)" + filter + "::DOUBLE";
      case SUM -> "sum(" + value + ")" + filter;
      case MEAN -> "avg(" + value + ")" + filter;
      case MIN -> "min(" + value + ")" + filter;
      case MAX -> "max(" + value + ")" + filter;
      case LAST -> "arg_max(" + value + ", " + ident("__ts") + ")" + filter;
    };
  }

  private static String reader(SourceSpec source, SourceLayout layout) {
    String files =
        layout.files().stream()
            .map(f -> quote(URI.create(f).getPath()))
            .collect(Collectors.joining(", ", "[", "]"));
    String from =
        switch (source.format()) {
          case CSV ->
              "read_csv("
                  + files
                  + ", delim = "
                  + quote(String.valueOf(source.csv().delimiter()))
                  + ", header = true, all_varchar = true, ignore_errors = true)";
          case JSON ->
              // Each line as a JSON object, its columns taken out by name: a duplicate is the same
              // whole line, as in the job. Reading only the job's columns and de-duplicating those
              // made two mentions that differ only in an unread column (their id) one, and
              // undercounted a window by one now and then.
              "(SELECT "
                  + source.columns().stream()
                      .map(
                          c ->
                              "json_extract_string(json, "
                                  + quote("$.\"" + c + "\"")
                                  + ") AS "
                                  + ident(c))
                      .collect(Collectors.joining(", "))
                  + " FROM "
                  + (source.dedupe() ? "(SELECT DISTINCT json FROM " : "(SELECT json FROM ")
                  + "read_ndjson_objects("
                  + files
                  + ", ignore_errors = true)))";
          case PARQUET -> "read_parquet(" + files + ")";
          case SPREADSHEET ->
              throw new IllegalArgumentException(
                  "the DuckDB peer reads text and Parquet sources, not workbooks");
        };
    if (source.dedupe() && source.format() != SourceFormat.JSON) {
      // The job quarantines the second and later copies of an identical row: the same work here.
      from = "(SELECT DISTINCT * FROM " + from + ")";
    }
    // The parsed instant, for "last": the row latest in time wins.
    return "(SELECT *, " + instant(source.time()) + " AS " + ident("__ts") + " FROM " + from + ")";
  }

  private static String instant(TimeSpec time) {
    String parsed = parsed(time);
    if (time.carriesOffset()) {
      return parsed;
    }
    return "timezone(" + quote(time.zone().getId()) + ", " + parsed + ")";
  }

  private static String localDate(TimeSpec time, String zone) {
    if (time.dateOnly()) {
      return "CAST(" + parsed(time) + " AS DATE)";
    }
    return "CAST(timezone(" + quote(zone) + ", " + ident("__ts") + ") AS DATE)";
  }

  private static String parsed(TimeSpec time) {
    String text = "trim(CAST(" + ident(time.column()) + " AS VARCHAR))";
    if (time.pattern().contains("X")) {
      // java.time's X reads 'Z' as a zero offset; strptime's %z does not, and try_strptime would
      // turn every such time (all of the mentions export's) into NULL and drop its rows.
      text = "regexp_replace(" + text + ", 'Z$', '+00:00')";
    }
    return "try_strptime(" + text + ", " + quote(strptime(time.pattern())) + ")";
  }

  private static String window(WindowUnit unit) {
    return switch (unit) {
      case DAY -> "$d";
      case WEEK -> "CAST(date_trunc('week', $d) AS DATE)";
      case MONTH -> "CAST(date_trunc('month', $d) AS DATE)";
    };
  }

  /** The java.time patterns the sample and generated configs use, in strptime's words. */
  static String strptime(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = pattern.indexOf('\'', i + 1);
        out.append(pattern, i + 1, end);
        i = end + 1;
        continue;
      }
      int run = 1;
      while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
        run++;
      }
      String token = pattern.substring(i, i + run);
      out.append(
          switch (token) {
            case "yyyy", "uuuu" -> "%Y";
            case "MM" -> "%m";
            case "dd" -> "%d";
            case "HH" -> "%H";
            case "mm" -> "%M";
            case "ss" -> "%S";
            case "XXX", "xxx", "XX", "Z" -> "%z";
            default -> {
              if (Character.isLetter(c)) {
                throw new IllegalArgumentException(
                    "no strptime equivalent for '" + token + "' in '" + pattern + "'");
              }
              yield token;
            }
          });
      i += run;
    }
    return out.toString();
  }

  private static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
