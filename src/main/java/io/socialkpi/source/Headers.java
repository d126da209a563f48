package io.socialkpi.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.SourceSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the column names of one input file without Spark: CSV header, JSON keys, Parquet schema, a
 * spreadsheet's header row. Its separator-hint check is public for {@code jobs/socialkpi inspect},
 * which names what this class would refuse.
 */
public final class Headers {
  /** JSON lines have no header: the keys seen in this many first lines stand for the file. */
  static final int JSON_SAMPLE_LINES = 1000;

  private Headers() {}

  /**
   * The file's column names; {@code charset} is the one {@link FileEncoding} found for a CSV file
   * (JSON lines are UTF-8, Parquet and spreadsheets have their own).
   */
  static FileHeader read(SourceSpec source, String file, String charset, Configuration hadoop)
      throws IOException {
    return switch (source.format()) {
      case CSV -> csv(source, file, charset, hadoop);
      case JSON -> new FileHeader(json(file, hadoop), 0);
      case PARQUET -> new FileHeader(parquet(file, hadoop), 0);
      case SPREADSHEET -> sheet(source, file, hadoop);
    };
  }

  /**
   * A file's column names and the lines (spreadsheet rows) before its header line: csv.skip-lines,
   * or with csv.skip-lines = auto the count found for this file.
   */
  record FileHeader(List<String> columns, int linesBefore) {}

  /** The next record of a file, or null at its end. */
  private interface Records {
    String next() throws IOException;
  }

  private static FileHeader csv(
      SourceSpec source, String file, String charset, Configuration hadoop) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                stream(file, hadoop), java.nio.charset.Charset.forName(charset)))) {
      return header(
          source,
          file,
          reader::readLine,
          file
              + " is empty (0 bytes): a CSV export has at least its header line, so the export"
              + " failed or was cut; remove the file or export it again");
    }
  }

  /** A spreadsheet's header: its sheet's rows are records as a CSV file's lines are. */
  private static FileHeader sheet(SourceSpec source, String file, Configuration hadoop)
      throws IOException {
    try (InputStream in = stream(file, hadoop)) {
      SheetLines sheet = SheetLines.read(in, file, source.sheet(), source.csv().decimalSeparator());
      return header(
          source,
          file,
          () -> sheet.hasNext() ? sheet.next() : null,
          file + " has no rows in sheet '" + sheet.name() + "': an export has at least its header");
    }
  }

  private static FileHeader header(
      SourceSpec source, String file, Records records, String whenEmpty) throws IOException {
    String first = records.next();
    if (first == null) {
      throw new IOException(whenEmpty);
    }
    first = stripBom(first);
    if (source.csv().autoSkip()) {
      return search(source, file, first, records);
    }
    int skip = source.csv().skipLines();
    if (skip == 0) {
      rejectSeparatorHint(source, file, first);
    }
    for (int i = 0; i < skip && first != null; i++) {
      first = records.next();
    }
    if (first == null) {
      throw new IOException(
          file + " has no header line: it ends within csv.skip-lines (" + skip + " lines)");
    }
    Character comment = source.csv().comment();
    boolean tables = source.csv().tables();
    while (first != null
        && ((comment != null && !first.isEmpty() && first.charAt(0) == comment)
            || (tables && first.isBlank()))) {
      first = records.next(); // (blank lines only separate tables)
    }
    if (first == null) {
      throw new IOException(
          file
              + " has no header line: every line starts with the csv.comment character '"
              + comment
              + "'");
    }
    rejectOpenQuote(source, file, first);
    String[] fields = CsvFields.parser(source.csv()).parseLine(first);
    if (fields == null) {
      throw new IOException(
          file + " has an empty first line where the header should be; remove it or export again");
    }
    List<String> header = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      header.add(source.csv().header() ? (fields[i] == null ? "" : fields[i].trim()) : "_c" + i);
    }
    if (tables && !header.containsAll(source.columns())) {
      return new FileHeader(laterTable(source, file, records, header), skip);
    }
    return new FileHeader(header, skip);
  }

  /** A header line that opens a quoted column name it does not close cannot be read. */
  private static void rejectOpenQuote(SourceSpec source, String file, String header)
      throws IOException {
    if (LineParser.endsInQuote(
        header, source.csv().delimiter(), source.csv().quote(), source.csv().escape(), false)) {
      throw new IOException(
          file
              + " has a header line that opens a quoted column name it does not close: a column"
              + " name holding a line break cannot be read; remove the line break from the"
              + " header");
    }
  }

  /**
   * csv.skip-lines = auto: the header is the first of the file's first {@link
   * CsvOptions#AUTO_SKIP_SEARCH} lines that names every column the source reads; the lines before
   * it (metadata rows, a title, a separator hint) are skipped. An error naming the columns when no
   * such line is found.
   */
  private static FileHeader search(SourceSpec source, String file, String line, Records records)
      throws IOException {
    Character comment = source.csv().comment();
    List<String> firstLines = new ArrayList<>();
    for (int index = 0; line != null && index < CsvOptions.AUTO_SKIP_SEARCH; index++) {
      boolean commentLine = comment != null && !line.isEmpty() && line.charAt(0) == comment;
      if (!commentLine && !line.isBlank()) {
        List<String> names = names(source, line);
        if (names.containsAll(source.columns())) {
          rejectOpenQuote(source, file, line);
          return new FileHeader(names, index);
        }
        if (firstLines.size() < 3) {
          firstLines.add(line.length() > 80 ? line.substring(0, 80) + "..." : line);
        }
      }
      line = records.next();
    }
    throw new IOException(
        file
            + " has no header line naming "
            + source.columns()
            + " among its first "
            + CsvOptions.AUTO_SKIP_SEARCH
            + " lines (csv.skip-lines = auto); its first lines: "
            + String.join(" | ", firstLines)
            + (firstLines.isEmpty() ? "none but blank or comment lines" : "")
            + "; check the columns' names, csv.delimiter and csv.encoding");
  }

  /** A line's fields, trimmed, as column names; empty when the line cannot be split. */
  private static List<String> names(SourceSpec source, String line) {
    String[] fields;
    try {
      fields = CsvFields.parser(source.csv()).parseLine(line);
    } catch (RuntimeException unsplittable) {
      return List.of(); // a metadata line with a stray quote is not the header
    }
    List<String> names = new ArrayList<>();
    for (String f : fields == null ? new String[0] : fields) {
      names.add(f == null ? "" : f.trim());
    }
    return names;
  }

  /**
   * csv.tables: the header of the first table after the first that names every column the source
   * reads (a blank line ends a table, comment lines are skipped); an error listing the tables'
   * headers when there is none.
   */
  private static List<String> laterTable(
      SourceSpec source, String file, Records records, List<String> first) throws IOException {
    List<String> seen = new ArrayList<>();
    seen.add(String.join(",", first));
    Character comment = source.csv().comment();
    boolean between = false;
    String line;
    while ((line = records.next()) != null) {
      if (comment != null && !line.isEmpty() && line.charAt(0) == comment) {
        continue;
      }
      if (line.isBlank()) {
        between = true;
        continue;
      }
      if (between) {
        between = false;
        String[] fields = CsvFields.parser(source.csv()).parseLine(line);
        List<String> header = new ArrayList<>();
        for (String f : fields == null ? new String[0] : fields) {
          header.add(f == null ? "" : f.trim());
        }
        if (header.containsAll(source.columns())) {
          return header;
        }
        seen.add(String.join(",", header));
      }
    }
    throw new IOException(
        file
            + " has no table whose header names "
            + source.columns()
            + " (csv.tables = blank-line-separated; its tables' headers: "
            + String.join(" | ", seen)
            + ")");
  }

  private static List<String> json(String file, Configuration hadoop) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> keys = new LinkedHashSet<>();
    try (BufferedReader reader = open(file, hadoop)) {
      String line;
      for (int i = 0; i < JSON_SAMPLE_LINES && (line = reader.readLine()) != null; i++) {
        try {
          JsonNode node = mapper.readTree(stripBom(line));
          if (node != null && node.isObject()) {
            keys(node, null, keys);
          }
        } catch (IOException malformed) {
          // A broken line is quarantined by the reader; the header check looks at the others.
        }
      }
    }
    return new ArrayList<>(keys);
  }

  /**
   * The keys of a JSON object, and the paths of the keys of objects inside it ({@code
   * traffic_source.medium}): a source may read a nested field by its path (LineParser#field).
   */
  private static void keys(JsonNode object, String parent, Set<String> keys) {
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      String name = parent == null ? e.getKey() : parent + "." + e.getKey();
      keys.add(name);
      if (e.getValue().isObject()) {
        keys(e.getValue(), name, keys);
      }
    }
  }

  private static List<String> parquet(String file, Configuration hadoop) throws IOException {
    return new ArrayList<>(parquetTypes(file, hadoop).keySet());
  }

  /**
   * A Parquet file's column types as Spark reads them, by name, then the fields of its struct
   * columns by path ({@code traffic_source.medium}) where no column has that name: a source may
   * read them as columns (GA4's BigQuery export nests its traffic sources; SourceReader#column).
   */
  static Map<String, String> parquetTypes(String file, Configuration hadoop) throws IOException {
    Map<String, String> types = new java.util.LinkedHashMap<>();
    StructType schema = parquetSchema(file, hadoop);
    for (org.apache.spark.sql.types.StructField f : schema.fields()) {
      types.put(f.name(), f.dataType().catalogString());
    }
    for (org.apache.spark.sql.types.StructField f : schema.fields()) {
      nestedTypes(f.name(), f.dataType(), types);
    }
    return types;
  }

  private static void nestedTypes(
      String path, org.apache.spark.sql.types.DataType type, Map<String, String> types) {
    if (type instanceof StructType struct) {
      for (org.apache.spark.sql.types.StructField f : struct.fields()) {
        String name = path + "." + f.name();
        types.putIfAbsent(name, f.dataType().catalogString());
        nestedTypes(name, f.dataType(), types);
      }
    }
  }

  /** A Parquet file's columns as Spark reads them (its own schema converter, default settings). */
  static StructType parquetSchema(String file, Configuration hadoop) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), hadoop))) {
      return new ParquetToSparkSchemaConverter(new SQLConf())
          .convert(reader.getFooter().getFileMetaData().getSchema());
    }
  }

  static BufferedReader open(String file, Configuration hadoop) throws IOException {
    return new BufferedReader(new InputStreamReader(stream(file, hadoop), StandardCharsets.UTF_8));
  }

  /** The file's bytes, through its compression codec (by extension) if it has one. */
  static InputStream stream(String file, Configuration hadoop) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop);
    InputStream in = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return in;
  }

  /**
   * Excel writes {@code sep=;} as the first line of a CSV export to tell Excel the delimiter; read
   * as the header it would be one column named {@code sep=}. It is named instead, with the line to
   * delete and the delimiter it names.
   */
  static void rejectSeparatorHint(SourceSpec source, String file, String first) throws IOException {
    String named = separatorHint(first);
    if (named == null) {
      return;
    }
    char delimiter = source.csv().delimiter();
    String shown = first.strip();
    String set;
    if (named.isEmpty() || named.charAt(0) == delimiter) {
      set = "; csv.delimiter is already '" + show(delimiter) + "'";
    } else {
      set = " and set csv.delimiter = \"" + show(named.charAt(0)) + "\"";
    }
    throw new IOException(
        file
            + " starts with the line '"
            + shown.replace("\t", "\\t")
            + "': Excel's separator hint, not the header. Delete that first line (or save the"
            + " export again as \"CSV UTF-8\", which has none)"
            + set);
  }

  /**
   * The delimiter an Excel separator hint ({@code sep=;}, quoted or not) names, {@code ""} for a
   * hint naming none, or null when {@code line} is no such hint.
   */
  public static String separatorHint(String line) {
    java.util.regex.Matcher m = SEPARATOR_HINT.matcher(line);
    return m.matches() ? m.group(1) : null;
  }

  private static final java.util.regex.Pattern SEPARATOR_HINT =
      java.util.regex.Pattern.compile("(?i)\"?sep=(.?)\"?\\s*");

  private static String show(char c) {
    return c == '\t' ? "\\t" : String.valueOf(c);
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
