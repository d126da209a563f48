package io.socialkpi.source;

import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * Reads a CSV, JSON-lines or spreadsheet source line by line, keeping each line's file, byte offset
 * and position in its split, and parses it with {@link LineParser}: UTF-8 and single-byte files
 * through Hadoop's splittable text input, UTF-16 files and workbooks whole ({@link WholeFiles}).
 * The result has the columns of {@link RawRows}; the line counts of every split go to an
 * accumulator so quarantined rows can be given exact line numbers afterwards.
 */
final class TextSourceReader {
  private TextSourceReader() {}

  static Dataset<Row> read(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      CollectionAccumulator<SplitLines> splitLines) {
    LineParser parser = new LineParser(source, layout);
    int width = parser.width();
    JavaRDD<Row> rows =
        lines(
            spark,
            source,
            layout,
            splitLines,
            true,
            () ->
                (file, rank, start, index, offset, parsed) ->
                    RawRows.row(file, rank, start, index, offset, width, parsed));
    return spark.createDataFrame(rows, RawRows.schema(source));
  }

  /**
   * Whether a split of a CSV file started where it could not know its state: an earlier split of
   * the same file ended inside a quoted field, or before the header (comment lines filled it). Its
   * lines were then read the wrong way, and the source must be read again with one split per file.
   * (The last split of a file ending inside a quoted field is an unclosed quote, quarantined as
   * such.)
   */
  static boolean splitStartedOpen(List<SplitLines> splits) {
    java.util.Map<String, Long> lastStart = new java.util.HashMap<>();
    for (SplitLines s : splits) {
      lastStart.merge(s.file(), s.start(), Math::max);
    }
    for (SplitLines s : splits) {
      if (s.endsOpen() && s.start() < lastStart.get(s.file())) {
        return true;
      }
    }
    return false;
  }

  /** What becomes of each line read: built once per partition, on the executor. */
  interface LineSink<T> {
    T line(
        String file, int fileRank, long splitStart, long index, long offset, LineParser.Parsed p);
  }

  /** Makes a partition's {@link LineSink}; serialized to the executors. */
  interface LineSinks<T> extends java.io.Serializable {
    LineSink<T> forPartition();
  }

  /**
   * The source's lines, parsed by {@link LineParser} and handed to a sink in file order; header and
   * comment lines are skipped, and each split's line count goes to {@code splitLines}. Files whose
   * lines end at a newline byte (UTF-8, single-byte sets) are read in Hadoop's splits; UTF-16 files
   * and workbooks whole, by {@link WholeFiles}. Each file is parsed by its own header and in its
   * own character set.
   */
  static <T> JavaRDD<T> lines(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      CollectionAccumulator<SplitLines> splitLines,
      boolean wholeCsvFiles,
      LineSinks<T> sinks) {
    LineParser parser = new LineParser(source, layout);
    java.util.Map<String, LineParser> ownParsers = new java.util.HashMap<>();
    java.util.Map<String, Integer> ranks = new java.util.HashMap<>();
    List<String> split = new ArrayList<>();
    List<String> whole = new ArrayList<>();
    for (String listed : layout.files()) {
      String file = new Path(listed).toString();
      ranks.put(file, ranks.size());
      List<String> header = layout.otherHeaders().get(file);
      String charset = layout.encodings().get(file);
      if (header != null || charset != null) {
        ownParsers.put(
            file,
            new LineParser(
                source, header == null ? layout.header() : header, layout.charset(source, file)));
      }
      if (WholeFiles.readWhole(source, layout, file)) {
        whole.add(file);
      } else {
        split.add(listed);
      }
    }
    boolean header = source.csv().header() && source.format().csvRecords();
    java.util.Map<String, Integer> linesBefore = new java.util.HashMap<>();
    if (source.format().csvRecords()) {
      for (String listed : layout.files()) {
        String file = new Path(listed).toString();
        linesBefore.put(file, layout.linesBeforeHeader(source, file));
      }
    }
    java.util.Map<String, String> duplicates = new java.util.HashMap<>(layout.duplicates());
    FileReading<T> reading =
        (file, start, it, sink) -> {
          Integer rank = ranks.get(file);
          if (rank == null) {
            // A wrong rank would mix up positions of two files: fail, never guess.
            throw new IllegalStateException(
                "file " + file + " is not among the source's listed files");
          }
          return new SplitIterator<>(
              file,
              start,
              rank,
              it,
              ownParsers.getOrDefault(file, parser),
              header,
              linesBefore.getOrDefault(file, 0),
              duplicates.get(file),
              splitLines,
              sink);
        };
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<T> wholeLines =
        whole.isEmpty() ? null : WholeFiles.read(jsc, source, layout, whole, conf, reading, sinks);
    if (split.isEmpty()) {
      return wholeLines;
    }
    JavaRDD<T> splitLinesRdd = splitFiles(jsc, conf, source, split, wholeCsvFiles, reading, sinks);
    return wholeLines == null ? splitLinesRdd : splitLinesRdd.union(wholeLines);
  }

  /** Makes the iterator over one split's or whole file's lines. */
  interface FileReading<T> extends java.io.Serializable {
    SplitIterator<T> iterator(
        String file,
        long start,
        java.util.Iterator<Tuple2<LongWritable, Text>> lines,
        LineSink<T> sink);
  }

  /** The lines of files Hadoop's splittable text input reads. */
  private static <T> JavaRDD<T> splitFiles(
      JavaSparkContext jsc,
      Configuration base,
      SourceSpec source,
      List<String> files,
      boolean wholeCsvFiles,
      FileReading<T> reading,
      LineSinks<T> sinks) {
    Configuration conf;
    try {
      Job job = Job.getInstance(base);
      List<Path> paths = new ArrayList<>();
      for (String file : files) {
        paths.add(new Path(SourceLayout.literal(file)));
      }
      FileInputFormat.setInputPaths(job, paths.toArray(new Path[0]));
      conf = job.getConfiguration();
      boolean wholeFiles = wholeCsvFiles || source.csv().tables() || source.time().nthDay();
      if (wholeFiles && source.format() == io.socialkpi.config.SourceFormat.CSV) {
        // (Tables and a report's start date are known only reading a file from its start.)
        // One split per CSV file: a quoted field may hold a line break, and a split starting
        // inside one cannot know it (its first lines would be read the wrong way round). JSON
        // lines escape line breaks, so they always keep Hadoop's splits.
        conf.setLong(FileInputFormat.SPLIT_MINSIZE, Long.MAX_VALUE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines =
        (JavaNewHadoopRDD<LongWritable, Text>)
            jsc.newAPIHadoopRDD(conf, TextInputFormat.class, LongWritable.class, Text.class);
    return lines.mapPartitionsWithInputSplit(
        (split, it) -> {
          FileSplit fileSplit = (FileSplit) split;
          return reading.iterator(
              fileSplit.getPath().toString(), fileSplit.getStart(), it, sinks.forPartition());
        },
        true);
  }
}
