package io.socialkpi.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialkpi.config.SourceSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the column names of one input file without Spark: CSV header, JSON keys, Parquet schema, a
 * spreadsheet's header row.
 */
final class Headers {
  /** JSON lines have no header: the keys seen in this many first lines stand for the file. */
  static final int JSON_SAMPLE_LINES = 1000;

  private Headers() {}

  /**
   * The file's column names; {@code charset} is the one {@link FileEncoding} found for a CSV file
   * (JSON lines are UTF-8, Parquet and spreadsheets have their own).
   */
  static List<String> read(SourceSpec source, String file, String charset, Configuration hadoop)
      throws IOException {
    return switch (source.format()) {
      case CSV -> csv(source, file, charset, hadoop);
      case JSON -> json(file, hadoop);
      case PARQUET -> parquet(file, hadoop);
      case SPREADSHEET -> sheet(source, file, hadoop);
    };
  }

  /** The next record of a file, or null at its end. */
  private interface Records {
    String next() throws IOException;
  }

  private static List<String> csv(
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
  private static List<String> sheet(SourceSpec source, String file, Configuration hadoop)
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

  private static List<String> header(
      SourceSpec source, String file, Records records, String whenEmpty) throws IOException {
    String first = records.next();
    if (first == null) {
      throw new IOException(whenEmpty);
    }
    first = stripBom(first);
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
    while (comment != null && first != null && !first.isEmpty() && first.charAt(0) == comment) {
      first = records.next();
    }
    if (first == null) {
      throw new IOException(
          file
              + " has no header line: every line starts with the csv.comment character '"
              + comment
              + "'");
    }
    if (LineParser.endsInQuote(
        first, source.csv().delimiter(), source.csv().quote(), source.csv().escape(), false)) {
      throw new IOException(
          file
              + " has a header line that opens a quoted column name it does not close: a column"
              + " name holding a line break cannot be read; remove the line break from the"
              + " header");
    }
    String[] fields = CsvFields.parser(source.csv()).parseLine(first);
    if (fields == null) {
      throw new IOException(
          file + " has an empty first line where the header should be; remove it or export again");
    }
    List<String> header = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      header.add(source.csv().header() ? (fields[i] == null ? "" : fields[i].trim()) : "_c" + i);
    }
    return header;
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
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
              keys.add(it.next());
            }
          }
        } catch (IOException malformed) {
          // A broken line is quarantined by the reader; the header check looks at the others.
        }
      }
    }
    return new ArrayList<>(keys);
  }

  private static List<String> parquet(String file, Configuration hadoop) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), hadoop))) {
      List<String> names = new ArrayList<>();
      for (Type field : reader.getFooter().getFileMetaData().getSchema().getFields()) {
        names.add(field.getName());
      }
      return names;
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
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\"?sep=(.?)\"?\\s*").matcher(first);
    if (!m.matches()) {
      return;
    }
    String named = m.group(1);
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

  private static String show(char c) {
    return c == '\t' ? "\\t" : String.valueOf(c);
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
