package io.socialkpi.source;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * The scan of a CSV or JSON-lines source in compiled Java: each line is parsed and checked by
 * {@link LineCheck} into a {@link LineRecord} as it is read; with the duplicate check on, the
 * records are shuffled by a 128-bit fingerprint of their text, and {@link DuplicateFold} marks the
 * later copies of each text ({@link HashedCopies}: a hash table per partition, spilling to local
 * disk when a partition outgrows its memory budget; no sort) and folds the rest into partial
 * aggregates per (entity, window), which one small Spark aggregation merges into the groups {@link
 * SourceScan} serves. A small uncompressed source is done in one task, with no shuffle. Spark
 * generates no code per source for the per-line work: the record schema is the same for every
 * source, so a run's later sources start warm.
 */
final class TextScan {
  /** Columns of {@link #partial} before the three per metric. */
  static final int FIXED = 14;

  /** Columns of {@link #partial} per metric: value, count, order of the last, missing cells. */
  static final int PER_METRIC = 4;

  static final StructType RECORDS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("fp_hi", DataTypes.LongType, false),
              DataTypes.createStructField("fp_lo", DataTypes.LongType, false),
              DataTypes.createStructField(RawRows.POSITION, DataTypes.LongType, false),
              DataTypes.createStructField("record", DataTypes.BinaryType, false)));

  /**
   * Uncompressed sources up to this size are scanned in one task, with no shuffle: their records
   * are held in memory for the duplicate check (about 130 MB for 16 MB of short lines), and with
   * {@code overlap.keep = newest} also a key per row for {@link NewestRows}, even without dedupe
   * (measured: 16 MiB of 853,768 short rows peaked at 815–856 MB of heap, against 598–690 MB with
   * {@code keep = all}).
   */
  static final long ONE_TASK_BYTES = 16L << 20;

  private static final String WINDOW_DAY = "window_day";
  private static final String FIRST_DAY = "first_day";
  private static final String LAST_DAY = "last_day";

  private TextScan() {}

  /**
   * The source's groups, in the schema of {@code SourceScan}'s aggregate, scanning in one task
   * sources of at most {@code oneTaskBytes} ({@link #ONE_TASK_BYTES}; tests pass others).
   */
  static Dataset<Row> groups(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      RunSettings run,
      CollectionAccumulator<SplitLines> splitLines,
      int partitions,
      long oneTaskBytes,
      boolean wholeCsvFiles) {
    LineCheck check = new LineCheck(source, run);
    // A line's text means a row only under its file's header: files with another header (read by
    // name) have their header in the fingerprint, so equal text there is never taken for a copy.
    java.util.Map<String, Long> headerIds = new java.util.HashMap<>();
    layout
        .otherHeaders()
        .forEach(
            (file, header) -> {
              byte[] names = String.join("\u0000", header).getBytes(StandardCharsets.UTF_8);
              long[] id = new long[2];
              Fingerprint.of(names, 0, names.length, id);
              headerIds.put(file, id[0]);
            });
    TextSourceReader.LineSinks<Row> sinks =
        () -> {
          LineRecord.Writer writer = new LineRecord.Writer();
          long[] fp = new long[2];
          return (file, rank, start, index, offset, parsed) -> {
            check.write(parsed, start, index, writer);
            writer.rawFingerprint(fp);
            return RowFactory.create(
                fp[0] ^ headerIds.getOrDefault(file, 0L),
                fp[1],
                RawRows.position(rank, offset),
                writer.toBytes());
          };
        };
    JavaRDD<Row> records =
        TextSourceReader.lines(spark, source, layout, splitLines, wholeCsvFiles, sinks);
    if (!source.skipRows().isEmpty()) {
      // Rows that are not data take no part in the duplicate check either.
      records = records.filter(r -> ((byte[]) r.get(3))[0] != LineRecord.SKIPPED);
    }
    List<MetricSpec> metrics = source.metrics();
    List<String> fileNames = SourceReader.fileNames(source, layout);
    JavaRDD<Row> partials;
    boolean dedupe = source.dedupe();
    // In memory only where the files' size on disk bounds the records: an uncompressed source of
    // at most oneTaskBytes, in one task (a 150 KB gzip can hold 12M lines; an .xlsx is a zip,
    // and writes a text repeated down a column once).
    if (inOneTask(spark, source, layout, oneTaskBytes)) {
      // No shuffle and no aggregation after it: every group is complete when the task ends.
      DuplicateFold.Copies inMemory =
          dedupe ? DuplicateFold.Copies.HASHED : DuplicateFold.Copies.NONE;
      int keys = source.overlap().newest() ? source.overlap().key().size() : -1;
      partials =
          records
              .coalesce(1)
              .mapPartitions(
                  it -> {
                    if (keys < 0) {
                      return new DuplicateFold(it, metrics, fileNames, inMemory, Integer.MAX_VALUE);
                    }
                    // overlap.keep = newest: the task holds every record of the source, so the
                    // newest file of each key is known before the duplicate check.
                    NewestRows newest = new NewestRows(it, metrics.size(), keys);
                    Iterator<Row> folded =
                        new DuplicateFold(
                            newest.kept(), metrics, fileNames, inMemory, Integer.MAX_VALUE);
                    return newest.superseded() == 0
                        ? folded
                        : then(
                            folded, DuplicateFold.superseded(newest.superseded(), metrics.size()));
                  });
      return merge(spark.createDataFrame(partials, partial(metrics.size())), metrics, false);
    }
    if (source.overlap().newest()) {
      // Resolving it across a shuffled source would take a pass of its own: SourceScan gives such
      // a source Spark's expressions (Overlaps) instead.
      throw new IllegalArgumentException(
          source.name()
              + ": overlap.keep = newest is resolved by the compiled scan in one task only");
    }
    if (!dedupe) {
      partials =
          records.mapPartitions(
              it ->
                  new DuplicateFold(
                      it, metrics, fileNames, DuplicateFold.Copies.NONE, DuplicateFold.MAX_GROUPS));
    } else {
      // Shuffled by fingerprint, every copy of one line lands in one partition; HashedCopies holds
      // a partition in memory while it fits and spills to local disk when it does not (a line
      // repeated millions of times, a compressed source), so no sort is needed.
      partials =
          spark
              .createDataFrame(records, RECORDS)
              .repartition(HashedCopies.partitionsFor(layout.bytes(), partitions), col("fp_hi"))
              .toJavaRDD()
              .mapPartitions(
                  it ->
                      new DuplicateFold(
                          it,
                          metrics,
                          fileNames,
                          DuplicateFold.Copies.HASHED,
                          DuplicateFold.MAX_GROUPS));
    }
    return merge(spark.createDataFrame(partials, partial(metrics.size())), metrics, true);
  }

  /** The rows of {@code first}, then {@code last}. */
  private static Iterator<Row> then(Iterator<Row> first, Row last) {
    return new Iterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        return first.hasNext() || !done;
      }

      @Override
      public Row next() {
        if (first.hasNext()) {
          return first.next();
        }
        if (done) {
          throw new java.util.NoSuchElementException();
        }
        done = true;
        return last;
      }
    };
  }

  /**
   * Whether the source is scanned in one task, with no shuffle: an uncompressed text source of at
   * most {@code oneTaskBytes}, whose size on disk bounds its records in memory (a 150 KB gzip can
   * hold 12M lines; an .xlsx is a zip, and writes a text repeated down a column once).
   */
  static boolean inOneTask(
      SparkSession spark, SourceSpec source, SourceLayout layout, long oneTaskBytes) {
    return !compressed(spark, layout)
        && source.format() != io.socialkpi.config.SourceFormat.SPREADSHEET
        && layout.bytes() <= oneTaskBytes;
  }

  /** Whether any of the source's files is read through a Hadoop compression codec. */
  static boolean compressed(SparkSession spark, SourceLayout layout) {
    CompressionCodecFactory codecs =
        new CompressionCodecFactory(spark.sparkContext().hadoopConfiguration());
    for (String file : layout.files()) {
      if (codecs.getCodec(new Path(file)) != null) {
        return true;
      }
    }
    return false;
  }

  /** One row per quarantined line or per (entity, window) of a partition; see DuplicateFold. */
  static StructType partial(int metrics) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField(SourceScan.ACCEPTED, DataTypes.BooleanType, false));
    f.add(DataTypes.createStructField(Observations.ENTITY, DataTypes.StringType, true));
    f.add(DataTypes.createStructField(WINDOW_DAY, DataTypes.IntegerType, true));
    f.add(DataTypes.createStructField(RawRows.POSITION, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(RawRows.SPLIT_START, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(RawRows.LINE_INDEX, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(RawRows.RAW, DataTypes.StringType, true));
    f.add(DataTypes.createStructField(RawRows.REASON, DataTypes.StringType, true));
    f.add(DataTypes.createStructField(RawRows.DETAIL, DataTypes.StringType, true));
    f.add(DataTypes.createStructField(SourceScan.ROWS, DataTypes.LongType, false));
    f.add(DataTypes.createStructField(SourceScan.FIRST_TS, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(SourceScan.LAST_TS, DataTypes.LongType, true));
    f.add(DataTypes.createStructField(FIRST_DAY, DataTypes.IntegerType, true));
    f.add(DataTypes.createStructField(LAST_DAY, DataTypes.IntegerType, true));
    for (int i = 0; i < metrics; i++) {
      f.add(DataTypes.createStructField("a" + i, DataTypes.DoubleType, true));
      f.add(DataTypes.createStructField("c" + i, DataTypes.LongType, false));
      f.add(DataTypes.createStructField("o" + i, DataTypes.createDecimalType(38, 0), true));
      f.add(DataTypes.createStructField("m" + i, DataTypes.LongType, false));
    }
    return DataTypes.createStructType(f);
  }

  /**
   * Merges partial rows into one row per group, as {@code SourceScan}'s aggregation does; with
   * {@code grouped} false every row already is a whole group and is only given its final form.
   */
  private static Dataset<Row> merge(
      Dataset<Row> partials, List<MetricSpec> metrics, boolean grouped) {
    if (!grouped) {
      return complete(partials, metrics);
    }
    Column[] keys = {
      col(SourceScan.ACCEPTED),
      col(Observations.ENTITY),
      date_from_unix_date(col(WINDOW_DAY)).as(Observations.WINDOW_START),
      col(RawRows.POSITION),
      col(RawRows.SPLIT_START),
      col(RawRows.LINE_INDEX),
      col(RawRows.RAW),
      col(RawRows.REASON),
      col(RawRows.DETAIL)
    };
    List<Column> aggs = new ArrayList<>();
    aggs.add(sum(col(SourceScan.ROWS)).as(SourceScan.ROWS));
    aggs.add(timestamp_micros(min(col(SourceScan.FIRST_TS))).as(SourceScan.FIRST_TS));
    aggs.add(timestamp_micros(max(col(SourceScan.LAST_TS))).as(SourceScan.LAST_TS));
    aggs.add(date_from_unix_date(min(col(FIRST_DAY))).as(SourceScan.FIRST_DATE));
    aggs.add(date_from_unix_date(max(col(LAST_DAY))).as(SourceScan.LAST_DATE));
    for (int i = 0; i < metrics.size(); i++) {
      Column a = col("a" + i);
      Column n = sum(col("c" + i));
      Column value =
          switch (metrics.get(i).aggregate()) {
            case SUM -> sum(a);
            case COUNT -> coalesce(n, lit(0L)).cast("double");
            case MEAN -> when(n.gt(lit(0L)), sum(a).divide(n));
            case MIN -> min(a);
            case MAX -> max(a);
            case LAST -> max_by(a, col("o" + i));
          };
      aggs.add(value.as(Observations.value(i)));
      aggs.add(coalesce(n, lit(0L)).as(SourceScan.observed(i)));
      aggs.add(coalesce(sum(col("m" + i)), lit(0L)).as(SourceScan.missing(i)));
    }
    return partials
        .groupBy(keys)
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
  }

  /** The final form of partial rows that are whole groups: the same columns as {@link #merge}. */
  private static Dataset<Row> complete(Dataset<Row> partials, List<MetricSpec> metrics) {
    List<Column> out = new ArrayList<>();
    out.add(col(SourceScan.ACCEPTED));
    out.add(col(Observations.ENTITY));
    out.add(date_from_unix_date(col(WINDOW_DAY)).as(Observations.WINDOW_START));
    for (String c :
        List.of(
            RawRows.POSITION,
            RawRows.SPLIT_START,
            RawRows.LINE_INDEX,
            RawRows.RAW,
            RawRows.REASON,
            RawRows.DETAIL,
            SourceScan.ROWS)) {
      out.add(col(c));
    }
    out.add(timestamp_micros(col(SourceScan.FIRST_TS)).as(SourceScan.FIRST_TS));
    out.add(timestamp_micros(col(SourceScan.LAST_TS)).as(SourceScan.LAST_TS));
    out.add(date_from_unix_date(col(FIRST_DAY)).as(SourceScan.FIRST_DATE));
    out.add(date_from_unix_date(col(LAST_DAY)).as(SourceScan.LAST_DATE));
    for (int i = 0; i < metrics.size(); i++) {
      Column a = col("a" + i);
      Column n = col("c" + i);
      Column value =
          switch (metrics.get(i).aggregate()) {
            case SUM, MIN, MAX, LAST -> a;
            case COUNT -> n.cast("double");
            case MEAN -> when(n.gt(lit(0L)), a.divide(n));
          };
      out.add(value.as(Observations.value(i)));
      out.add(n.as(SourceScan.observed(i)));
      out.add(col("m" + i).as(SourceScan.missing(i)));
    }
    return partials.select(out.toArray(new Column[0]));
  }
}
