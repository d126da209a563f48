package io.socialkpi.source;

import io.socialkpi.config.ConfigError;
import io.socialkpi.config.ConfigProblem;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks, before Spark starts, that every source's path matches files and that those files have the
 * columns the config reads. Uses Hadoop's file system API, so HDFS and object-store paths are
 * checked the same way as local ones.
 */
public final class InputCheck {
  private InputCheck() {}

  /** The layout of every source; throws {@link ConfigError} naming each missing file or column. */
  public static Map<String, SourceLayout> check(Settings settings) {
    return check(settings, new Configuration());
  }

  public static Map<String, SourceLayout> check(Settings settings, Configuration hadoop) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, SourceLayout> layouts = new LinkedHashMap<>();
    for (SourceSpec source : settings.sources().values()) {
      String key = "socialkpi.sources." + source.name();
      try {
        List<String> files = files(source.path(), hadoop);
        if (files.isEmpty()) {
          problems.add(problem(settings, key + ".path", "no file matches '" + source.path() + "'"));
          continue;
        }
        List<String> header = null;
        Map<String, List<String>> otherHeaders = new java.util.LinkedHashMap<>();
        Map<String, String> encodings = new java.util.LinkedHashMap<>();
        Map<String, Integer> linesBeforeHeader = new java.util.LinkedHashMap<>();
        Map<String, String> firstTypes = null;
        for (String file : files) {
          Map<String, String> types = null;
          if (source.format() == SourceFormat.PARQUET) {
            types = Headers.parquetTypes(file, hadoop);
            if (firstTypes == null) {
              firstTypes = types;
            }
            for (String problem : typeProblems(source, file, types, files.get(0), firstTypes)) {
              problems.add(problem(settings, key + ".path", problem));
            }
          }
          String charset = null;
          if (source.format() == SourceFormat.CSV || source.format() == SourceFormat.JSON) {
            charset = FileEncoding.of(source, file, hadoop);
            if (!charset.equals(FileEncoding.fallback(source))) {
              encodings.put(new Path(file).toString(), charset);
            }
          }
          // A Parquet file's names are its types' keys: its footer is read once.
          List<String> columns;
          if (types != null) {
            columns = new ArrayList<>(types.keySet());
          } else {
            Headers.FileHeader found = Headers.read(source, file, charset, hadoop);
            columns = found.columns();
            if (source.csv().autoSkip() && source.format().csvRecords()) {
              linesBeforeHeader.put(new Path(file).toString(), found.linesBefore());
            }
          }
          if (source.format().csvRecords()) {
            String twice = twice(source, columns);
            if (twice != null) {
              problems.add(problem(settings, key + ".path", file + " has " + twice));
            }
          }
          if (header == null) {
            header = columns;
          } else if (source.format() == SourceFormat.JSON) {
            // JSON lines have no header: a key any file has is there (an empty file has none).
            for (String name : columns) {
              if (!header.contains(name)) {
                header.add(name);
              }
            }
          } else if (source.format().csvRecords() && !header.equals(columns)) {
            // Another export of the same source may order or choose its columns otherwise: it is
            // read by name, as long as it has every column the source reads.
            List<String> lacking = new ArrayList<>(source.columns());
            lacking.removeAll(columns);
            if (lacking.isEmpty()) {
              otherHeaders.put(new Path(file).toString(), List.copyOf(columns));
            } else {
              problems.add(
                  problem(
                      settings,
                      key + ".path",
                      file
                          + " has no column "
                          + lacking.stream().map(c -> "'" + c + "'").toList()
                          + " that the source reads (its columns: "
                          + String.join(", ", columns)
                          + "); every file of a source needs the columns its metrics, time and"
                          + " entity name"));
            }
          }
        }
        String hint = delimiterHint(source, header);
        if (!hint.isEmpty() && !header.containsAll(source.columns())) {
          problems.add(
              problem(
                  settings,
                  key + ".csv.delimiter",
                  "the header of "
                      + files.get(0)
                      + " is one column '"
                      + header.get(0)
                      + "': "
                      + hint));
          continue;
        }
        List<String> missing = new ArrayList<>(source.columns());
        missing.removeAll(header);
        for (String column : missing) {
          problems.add(
              problem(
                  settings,
                  columnKey(source, key, column),
                  "column '"
                      + column
                      + "' is not in "
                      + files.get(0)
                      + " (columns: "
                      + String.join(", ", header)
                      + ")"));
        }
        FileSystem fs = new Path(files.get(0)).getFileSystem(hadoop);
        Map<String, String> duplicates = DuplicateFiles.find(files, fs);
        long bytes = 0;
        for (String file : files) {
          bytes += fs.getFileStatus(new Path(file)).getLen();
        }
        layouts.put(
            source.name(),
            new SourceLayout(
                source.name(),
                files,
                header,
                Map.copyOf(duplicates),
                bytes,
                Map.copyOf(otherHeaders),
                Map.copyOf(encodings),
                Map.copyOf(linesBeforeHeader)));
      } catch (SheetLines.UnknownSheet e) {
        problems.add(problem(settings, key + ".sheet", e.getMessage()));
      } catch (IOException | RuntimeException e) {
        problems.add(
            problem(
                settings, key + ".path", "cannot read '" + source.path() + "': " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigError(problems);
    }
    return layouts;
  }

  /** The first field name of a struct type's catalog string, or "field" for a list or map. */
  private static String firstField(String type) {
    if (!type.startsWith("struct<")) {
      return "field";
    }
    int colon = type.indexOf(':');
    return colon < 0 ? "field" : type.substring("struct<".length(), colon);
  }

  /**
   * Columns of a Parquet file the job cannot read: a nested one (struct, list, map) among those the
   * source reads, and a column whose type differs from the first file's (Spark reads every file
   * with one schema, so the other file would fail the run or be read wrongly).
   */
  static List<String> typeProblems(
      SourceSpec source,
      String file,
      Map<String, String> types,
      String firstFile,
      Map<String, String> firstTypes) {
    List<String> out = new ArrayList<>();
    for (String column : source.columns()) {
      String type = types.get(column);
      if (type != null
          && (type.startsWith("struct<") || type.startsWith("array<") || type.startsWith("map<"))) {
        out.add(
            file
                + " has column '"
                + column
                + "' of type "
                + type
                + ": a nested value is neither a time, an entity nor a number; read one of its"
                + " fields by its path instead, e.g. '"
                + column
                + "."
                + firstField(type)
                + "'");
      }
    }
    if (!file.equals(firstFile)) {
      for (Map.Entry<String, String> t : types.entrySet()) {
        String first = firstTypes.get(t.getKey());
        if (first != null && !first.equals(t.getValue())) {
          out.add(
              file
                  + " has column '"
                  + t.getKey()
                  + "' of type "
                  + t.getValue()
                  + " but "
                  + firstFile
                  + " has "
                  + first
                  + "; every file of a source needs the same column types");
        }
      }
    }
    return out;
  }

  /**
   * A column the source reads that the header names twice, said with both positions, or null: the
   * job could not tell which of them holds the values.
   */
  static String twice(SourceSpec source, List<String> header) {
    for (String column : source.columns()) {
      int first = header.indexOf(column);
      int last = header.lastIndexOf(column);
      if (first != last) {
        return "column '"
            + column
            + "' twice (columns "
            + (first + 1)
            + " and "
            + (last + 1)
            + "): rename one of them in the export";
      }
    }
    return null;
  }

  /**
   * A header read as one column that holds another usual delimiter was written with that one: a
   * fi-FI Excel export read with the default comma, say.
   */
  static String delimiterHint(SourceSpec source, List<String> header) {
    if (source.format() != SourceFormat.CSV || header.size() != 1) {
      return "";
    }
    for (char d : new char[] {';', '\t', ',', '|'}) {
      if (d != source.csv().delimiter() && header.get(0).indexOf(d) >= 0) {
        String shown = d == '\t' ? "\\t" : String.valueOf(d);
        return "it looks '"
            + shown
            + "'-separated, but csv.delimiter is '"
            + source.csv().delimiter()
            + "': set csv.delimiter = \""
            + shown
            + "\"";
      }
    }
    return "";
  }

  /**
   * Files matched by a file, folder or glob; hidden files (., _) inside folders are skipped, and so
   * are subfolders. A name Hadoop cannot open (one with ':'), a symbolic link that loops or points
   * nowhere, and a folder holding only subfolders are errors naming them, never silently 0 rows.
   */
  static List<String> files(String pattern, Configuration hadoop) throws IOException {
    Path path = new Path(pattern);
    FileSystem fs = path.getFileSystem(hadoop);
    FileStatus[] matches = fs.globStatus(path);
    List<String> files = new ArrayList<>();
    if (matches == null) {
      return files;
    }
    List<String> unreadable = new ArrayList<>();
    for (FileStatus match : matches) {
      if (match.isDirectory()) {
        List<String> subfolders = new ArrayList<>();
        int before = files.size();
        for (FileStatus child : fs.listStatus(match.getPath())) {
          String name = child.getPath().getName();
          if (name.startsWith(".") || name.startsWith("_")) {
            continue;
          }
          if (child.isDirectory()) {
            subfolders.add(name);
          } else if (child.isFile()) {
            add(child.getPath(), files, unreadable);
          }
        }
        unreadable.addAll(brokenLinks(match.getPath(), fs));
        if (files.size() == before && !subfolders.isEmpty() && unreadable.isEmpty()) {
          subfolders.sort(null);
          unreadable.add(
              match.getPath()
                  + " holds only subfolders ("
                  + String.join(", ", subfolders)
                  + ") and subfolders are not read: set path to a glob over them, e.g. '"
                  + pattern
                  + "/*/*'");
        }
      } else {
        add(match.getPath(), files, unreadable);
      }
    }
    if (!unreadable.isEmpty()) {
      throw new IOException(String.join("; ", unreadable));
    }
    files.sort(null);
    return files;
  }

  private static void add(Path file, List<String> files, List<String> unreadable) {
    if (file.getName().indexOf(':') >= 0) {
      // Hadoop takes what precedes ':' in a name for a URI scheme (its checksum file's, at least).
      unreadable.add(
          file
              + ": a file name with ':' cannot be read by Hadoop; rename the file (e.g. ':' to"
              + " '-')");
    } else {
      files.add(file.toString());
    }
  }

  /**
   * Symbolic links in a local folder that loop or point nowhere: Hadoop's listing skips them
   * without a word, so an export behind one would be missing silently.
   */
  private static List<String> brokenLinks(Path folder, FileSystem fs) throws IOException {
    List<String> broken = new ArrayList<>();
    if (!"file".equals(fs.getUri().getScheme())) {
      return broken;
    }
    java.nio.file.Path local = java.nio.file.Path.of(folder.toUri().getPath());
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(local)) {
      for (java.nio.file.Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")
            && !name.startsWith("_")
            && Files.isSymbolicLink(entry)
            && !Files.exists(entry)) {
          broken.add(
              entry
                  + " is a symbolic link that loops or points to nothing ("
                  + Files.readSymbolicLink(entry)
                  + "); remove it or point it at the export");
        }
      }
    }
    return broken;
  }

  /** A problem at the line where its key (a source's path, a column's key) was written. */
  private static ConfigProblem problem(Settings settings, String path, String message) {
    return settings.problem(path, message);
  }

  /**
   * The key that names {@code column} in a source: a metric's column, the time column, the entity,
   * a where or skip-rows condition, an overlap key; the source itself if none does.
   */
  static String columnKey(SourceSpec source, String key, String column) {
    if (column.equals(source.time().column())) {
      return key + ".time.column";
    }
    if (column.equals(source.entity())) {
      return key + ".entity";
    }
    for (var m : source.metrics()) {
      String metric = key + ".metrics." + quote(m.name());
      if (column.equals(m.column())) {
        return metric + ".column";
      }
      if (m.where().containsKey(column)) {
        return metric + ".where." + quote(column);
      }
    }
    if (source.skipRows().containsKey(column)) {
      return key + ".skip-rows." + quote(column);
    }
    if (source.overlap().key().contains(column)) {
      return key + ".overlap.key";
    }
    return key;
  }

  private static String quote(String name) {
    return name.matches("[A-Za-z0-9_-]+") ? name : "\"" + name + "\"";
  }
}
