package io.socialkpi.source;

import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * The files of a text source whose lines cannot be found at newline bytes: UTF-16 text ({@link
 * Utf16Lines}) and workbooks ({@link SheetLines}). Each is read whole in one task, as one split
 * that starts at 0, and handed on as (offset, line) pairs, the shape Hadoop's line reader gives for
 * the other files, so the same {@link SplitIterator} parses, numbers and checks every line.
 * Splittable UTF-8 and single-byte files never come here. A workbook row's offset is its 0-based
 * index (as a Parquet row's), its line its 1-based row number.
 */
final class WholeFiles {
  private WholeFiles() {}

  /** Whether {@code file} (as {@link Path#toString}) is read here rather than split by Hadoop. */
  static boolean readWhole(SourceSpec source, SourceLayout layout, String file) {
    return source.format() == SourceFormat.SPREADSHEET
        || FileEncoding.utf16(layout.charset(source, file));
  }

  /**
   * The lines of {@code files}, each file read whole by one task (a task may read several in turn:
   * a few per core, not one task per daily export).
   */
  static <T> JavaRDD<T> read(
      JavaSparkContext jsc,
      SourceSpec source,
      SourceLayout layout,
      List<String> files,
      Configuration conf,
      TextSourceReader.FileReading<T> reading,
      TextSourceReader.LineSinks<T> sinks) {
    SerializableConfiguration hadoop = new SerializableConfiguration(conf);
    java.util.Map<String, String> charsets = new java.util.HashMap<>();
    for (String file : files) {
      charsets.put(file, layout.charset(source, file));
    }
    int tasks = Math.min(files.size(), 4 * Math.max(1, jsc.defaultParallelism()));
    return jsc.parallelize(files, tasks)
        .mapPartitions(
            it -> {
              // One sink per task: its files share it, as a split's lines do.
              TextSourceReader.LineSink<T> sink = sinks.forPartition();
              return concat(
                  it,
                  file ->
                      reading.iterator(
                          file, 0, open(source, file, charsets.get(file), hadoop), sink));
            });
  }

  /** The file's lines; a workbook is read at once, UTF-16 text streamed until the task ends. */
  static Iterator<Tuple2<LongWritable, Text>> open(
      SourceSpec source, String file, String charset, SerializableConfiguration hadoop)
      throws IOException {
    InputStream in = Headers.stream(file, hadoop.value());
    if (source.format() != SourceFormat.SPREADSHEET) {
      Utf16Lines lines = new Utf16Lines(in, charset);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener(
            (TaskContext t) -> {
              try {
                lines.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      }
      return lines;
    }
    SheetLines sheet;
    try (in) {
      sheet = SheetLines.read(in, file, source.sheet(), source.csv().decimalSeparator());
    }
    return new Iterator<>() {
      private long row;

      @Override
      public boolean hasNext() {
        return sheet.hasNext();
      }

      @Override
      public Tuple2<LongWritable, Text> next() {
        Text text = new Text(sheet.next().getBytes(StandardCharsets.UTF_8));
        return new Tuple2<>(new LongWritable(row++), text);
      }
    };
  }

  /** Opens a file's lines. */
  private interface Opener<T> {
    Iterator<T> open(String file) throws IOException;
  }

  /** The lines of each file in turn, a file opened when the one before it is exhausted. */
  private static <T> Iterator<T> concat(Iterator<String> files, Opener<T> opener) {
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && files.hasNext()) {
          try {
            current = opener.open(files.next());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
