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
 */
final class Headers {
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
    try (BufferedReader reader = open(file, hadoop)) {
      String first = reader.readLine();
      if (first == null) {
        throw new IOException(
            file
                + " is empty (0 bytes): a CSV export has at least its header line, so the export"
                + " failed or was cut; remove the file or export it again");
      }
      first = stripBom(first);
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
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(hadoop);
    InputStream in = fs.open(path);
    CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(path);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
