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
 * Reads the column names of one input file without Spark: CSV header, JSON keys, Parquet schema.
 * Its encoding and separator-hint checks are public for {@code jobs/socialkpi inspect}, which names
 * what this class would refuse.
 */
public final class Headers {
  /** JSON lines have no header: the keys seen in this many first lines stand for the file. */
  static final int JSON_SAMPLE_LINES = 1000;

  private Headers() {}

  static List<String> read(SourceSpec source, String file, Configuration hadoop)
      throws IOException {
    return switch (source.format()) {
      case CSV -> csv(source, file, hadoop);
      case JSON -> json(file, hadoop);
      case PARQUET -> parquet(file, hadoop);
    };
  }

  private static List<String> csv(SourceSpec source, String file, Configuration hadoop)
      throws IOException {
    rejectUtf16(file, hadoop);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                stream(file, hadoop), java.nio.charset.Charset.forName(source.csv().encoding())))) {
      String first = reader.readLine();
      if (first == null) {
        throw new IOException(
            file
                + " is empty (0 bytes): a CSV export has at least its header line, so the export"
                + " failed or was cut; remove the file or export it again");
      }
      first = stripBom(first);
      int skip = source.csv().skipLines();
      if (skip == 0) {
        rejectSeparatorHint(source, file, first);
      }
      for (int i = 0; i < skip && first != null; i++) {
        first = reader.readLine();
      }
      if (first == null) {
        throw new IOException(
            file + " has no header line: it ends within csv.skip-lines (" + skip + " lines)");
      }
      Character comment = source.csv().comment();
      while (comment != null && first != null && !first.isEmpty() && first.charAt(0) == comment) {
        first = reader.readLine();
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
            file
                + " has an empty first line where the header should be; remove it or export again");
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        header.add(source.csv().header() ? (fields[i] == null ? "" : fields[i].trim()) : "_c" + i);
      }
      return header;
    }
  }

  private static List<String> json(String file, Configuration hadoop) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> keys = new LinkedHashSet<>();
    rejectUtf16(file, hadoop);
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

  private static InputStream stream(String file, Configuration hadoop) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop);
    InputStream in = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return in;
  }

  /** Bytes looked at for a UTF-16 file without a byte-order mark. */
  static final int ENCODING_SAMPLE = 512;

  /**
   * A UTF-16 file (Excel's "Unicode text", PowerShell's default) read as UTF-8 has NUL bytes
   * between its letters, so its columns would be named in mojibake: it is named instead, with how
   * to convert it. Found by its byte-order mark, or by NUL bytes in every other place of its start.
   */
  static void rejectUtf16(String file, Configuration hadoop) throws IOException {
    byte[] head;
    try (InputStream in = stream(file, hadoop)) {
      head = in.readNBytes(ENCODING_SAMPLE);
    }
    String kind = utf16(head);
    if (kind != null) {
      throw new IOException(
          file
              + " is UTF-16 text ("
              + kind
              + "); sources are read as UTF-8: convert it (iconv -f UTF-16 -t UTF-8, or save as"
              + " \"CSV UTF-8\" in Excel)");
    }
  }

  /** "little-endian, with a byte-order mark" and the like, or null for text that is not UTF-16. */
  public static String utf16(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      return "little-endian, with a byte-order mark";
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      return "big-endian, with a byte-order mark";
    }
    int pairs = head.length / 2;
    if (pairs < 2) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i + 1 < head.length; i += 2) {
      evenNul += head[i] == 0 ? 1 : 0;
      oddNul += head[i + 1] == 0 ? 1 : 0;
    }
    // ASCII letters in UTF-16: one byte of each pair is NUL, the other almost never.
    if (evenNul * 10 >= pairs * 9 && oddNul * 10 < pairs) {
      return "big-endian, no byte-order mark";
    }
    if (oddNul * 10 >= pairs * 9 && evenNul * 10 < pairs) {
      return "little-endian, no byte-order mark";
    }
    return null;
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
