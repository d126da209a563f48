package io.socialkpi.source;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.spark.DriverRows;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;

/**
 * One pass over one source: read, validate, drop duplicates, and aggregate, in a single Spark
 * aggregation whose groups are either an (entity, window) of accepted rows or a single quarantined
 * row. The small result is persisted and split into window values, quarantine rows and row
 * accounting, so the raw input is scanned exactly once.
 */
public final class SourceScan {
  static final String ACCEPTED = "accepted";
  static final String ROWS = "rows";
  static final String FIRST_TS = "first_ts";
  static final String LAST_TS = "last_ts";
  static final String FIRST_DATE = "first_date";
  static final String LAST_DATE = "last_date";

  private static final DecimalType ORDER = DataTypes.createDecimalType(38, 0);
  private static final long PARQUET_BYTES_PER_SORT = 32L << 20;
  private static final long TEXT_BYTES_PER_SORT = 128L << 20;
  private static final long MAX_SORT_PARTITIONS = 10_000;

  private final SourceSpec source;
  private final SourceLayout layout;
  private final Dataset<Row> groups;
  private final CollectionAccumulator<SplitLines> splitLines;
  private final List<String> fileNames;
  private final SourceQuality quality;
  private final boolean heldOnDriver;

  /** (entity, window) groups with accepted rows; set while the accounting is computed. */
  private long acceptedGroups;

  private SourceScan(
      SourceSpec source,
      SourceLayout layout,
      Dataset<Row> groups,
      CollectionAccumulator<SplitLines> splitLines,
      List<Row> collected) {
    this.source = source;
    this.layout = layout;
    this.groups = groups;
    this.splitLines = splitLines;
    this.fileNames = SourceReader.fileNames(source, layout);
    this.quality = collected == null ? computeQuality() : qualityOf(collected);
    this.heldOnDriver = collected != null;
  }

  /** Runs the scan: one Spark job reads the source and keeps its small aggregate. */
  public static SourceScan run(
      SparkSession spark, SourceSpec source, SourceLayout layout, RunSettings run) {
    return run(spark, source, layout, run, false);
  }

  /**
   * Runs the scan; with {@code onDriver} its aggregate is kept on the driver as a local table, for
   * a small input: every query over it then plans from a plain local relation, not from the parsing
   * and validation plan the driver would otherwise analyse again each time.
   */
  public static SourceScan run(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      RunSettings run,
      boolean onDriver) {
    return run(spark, source, layout, run, onDriver ? Integer.MAX_VALUE - 1 : 0);
  }

  /**
   * Runs the scan; its aggregate is kept on the driver when it has at most {@code maxDriverRows}
   * groups (0: never), and persisted by Spark otherwise. Small input can still aggregate into many
   * groups: every quarantined row is a group of its own, with its text, and many entities make many
   * (entity, window) groups.
   */
  public static SourceScan run(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      RunSettings run,
      int maxDriverRows) {
    SourceScan scan = run(spark, source, layout, run, maxDriverRows, false);
    if (source.format() == SourceFormat.CSV
        && TextSourceReader.splitStartedOpen(scan.splitLines())) {
      // A quoted field holding a line break (or comment lines before the header) crossed a split
      // boundary, so the next split was read from inside it: read the source again with one
      // split per file. Rare (multi-line fields in a file above Hadoop's split size), and the
      // price of reading large CSV files in parallel.
      scan.release();
      return run(spark, source, layout, run, maxDriverRows, true);
    }
    return scan;
  }

  private static SourceScan run(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      RunSettings run,
      int maxDriverRows,
      boolean wholeCsvFiles) {
    CollectionAccumulator<SplitLines> lines =
        spark.sparkContext().collectionAccumulator("split-lines:" + source.name());
    // The overlap rule compares rows across files: resolved in the compiled scan's one task when
    // the source is small enough for one (NewestRows), by Spark's windows otherwise (Overlaps).
    Dataset<Row> aggregated =
        source.format() == SourceFormat.PARQUET
                || (source.overlap().newest()
                    && !TextScan.inOneTask(spark, source, layout, TextScan.ONE_TASK_BYTES))
            ? expressionGroups(spark, source, layout, run, lines)
            : TextScan.groups(
                spark,
                source,
                layout,
                run,
                lines,
                duplicateCheckPartitions(spark, source, layout),
                TextScan.ONE_TASK_BYTES,
                wholeCsvFiles);
    if (maxDriverRows <= 0) {
      return new SourceScan(
          source, layout, aggregated.persist(StorageLevel.MEMORY_AND_DISK()), lines, null);
    }
    List<Row> collected = DriverRows.atMost(aggregated, maxDriverRows);
    if (collected.size() > maxDriverRows) {
      // Too many groups to hold on the driver: persisted by Spark instead, which reads the source
      // a second time and counts its split lines again.
      lines.reset();
      return new SourceScan(
          source, layout, aggregated.persist(StorageLevel.MEMORY_AND_DISK()), lines, null);
    }
    Dataset<Row> local = spark.createDataFrame(collected, aggregated.schema());
    return new SourceScan(source, layout, local, lines, collected);
  }

  /**
   * The groups of a source computed by Spark column expressions ({@link Observations}, a duplicate
   * window, a hash aggregation): the way Parquet sources are scanned, whose columns arrive typed.
   * Text sources take {@link TextScan}, which gives the same groups in compiled Java (a test holds
   * the two equal on text sources).
   */
  static Dataset<Row> expressionGroups(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      RunSettings run,
      CollectionAccumulator<SplitLines> lines) {
    Dataset<Row> observations =
        Overlaps.newestWins(
            Observations.of(SourceReader.read(spark, source, layout, lines), source, run), source);
    if (source.dedupe()) {
      observations =
          markDuplicates(
              observations,
              duplicateCheckPartitions(spark, source, layout),
              SourceReader.fileNames(source, layout));
    }
    return aggregate(RawRows.withText(observations), source);
  }

  /**
   * The second and later copies of an identical raw row (the same line, or a Parquet row with the
   * same value in every column) are quarantined as duplicates.
   */
  static Dataset<Row> markDuplicates(Dataset<Row> obs, int partitions, List<String> fileNames) {
    Column[] identity = RawRows.identity(obs);
    // The first copy is the one with the lowest position: a window without an order needs no sort
    // inside each set of copies, and a long is all it keeps per row.
    // A superseded row (an older export's) is no first copy: its newer twin counts.
    Column firstSeen =
        min(when(notSuperseded(), col(RawRows.POSITION))).over(Window.partitionBy(identity));
    obs = obs.repartition(partitions, identity);
    Column duplicate = col(RawRows.REASON).isNull().and(col(RawRows.POSITION).notEqual(firstSeen));
    return obs.withColumn(
            RawRows.DETAIL,
            when(
                    duplicate,
                    concat(
                        lit("same as the row at byte "),
                        RawRows.offsetOf(firstSeen).cast("string"),
                        lit(" of "),
                        RawRows.fileOf(firstSeen, fileNames)))
                .otherwise(col(RawRows.DETAIL)))
        .withColumn(
            RawRows.REASON,
            when(duplicate, lit(QuarantineReason.DUPLICATE.code())).otherwise(col(RawRows.REASON)));
  }

  /**
   * Partitions of the duplicate-row check, which sorts every row of the source: Spark's shuffle
   * partitions, or more for a large source, so that each sort fits in memory instead of spilling
   * (at 100M rows on a 4 GB heap, 8 partitions of the largest source spilled and took 23% longer
   * than 16). A row takes about 16 times its Parquet size in memory and 4 times its text size.
   */
  static int duplicateCheckPartitions(SparkSession spark, SourceSpec source, SourceLayout layout) {
    long perPartition =
        source.format() == SourceFormat.PARQUET ? PARQUET_BYTES_PER_SORT : TEXT_BYTES_PER_SORT;
    long needed = (layout.bytes() + perPartition - 1) / perPartition;
    int configured = spark.sessionState().conf().numShufflePartitions();
    return (int) Math.max(configured, Math.min(needed, MAX_SORT_PARTITIONS));
  }

  private static Column superseded() {
    return coalesce(col(RawRows.REASON).equalTo(lit(Overlaps.SUPERSEDED)), lit(false));
  }

  private static Column notSuperseded() {
    return coalesce(col(RawRows.REASON).notEqual(lit(Overlaps.SUPERSEDED)), lit(true));
  }

  private static Dataset<Row> aggregate(Dataset<Row> obs, SourceSpec source) {
    Column accepted = col(RawRows.REASON).isNull();
    // Superseded rows make one group per source, counted apart, never listed in quarantine.
    Column rejected = col(RawRows.REASON).isNotNull().and(notSuperseded());
    Column[] keys = {
      accepted.as(ACCEPTED),
      when(accepted, col(Observations.ENTITY)).as(Observations.ENTITY),
      when(accepted, col(Observations.WINDOW_START)).as(Observations.WINDOW_START),
      // A quarantined row is a group of its own (its position names its file and offset), so its
      // text can be a key: as an aggregate buffer (first) it would force a sort-based aggregation
      // of every row instead of a hash map.
      when(rejected, col(RawRows.POSITION)).as(RawRows.POSITION),
      when(rejected, col(RawRows.SPLIT_START)).as(RawRows.SPLIT_START),
      when(rejected, col(RawRows.LINE_INDEX)).as(RawRows.LINE_INDEX),
      when(rejected, col(RawRows.RAW)).as(RawRows.RAW),
      col(RawRows.REASON).as(RawRows.REASON),
      when(rejected, col(RawRows.DETAIL)).as(RawRows.DETAIL)
    };
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as(ROWS));
    aggs.add(min(when(accepted, col(Observations.TS))).as(FIRST_TS));
    aggs.add(max(when(accepted, col(Observations.TS))).as(LAST_TS));
    aggs.add(min(when(accepted, col(Observations.LOCAL_DATE))).as(FIRST_DATE));
    aggs.add(max(when(accepted, col(Observations.LOCAL_DATE))).as(LAST_DATE));
    List<MetricSpec> metrics = source.metrics();
    Column order = latest();
    for (int i = 0; i < metrics.size(); i++) {
      Column v = when(accepted, col(Observations.value(i)));
      Column value =
          switch (metrics.get(i).aggregate()) {
            case SUM -> sum(v);
            case COUNT -> count(v).cast("double");
            case MEAN -> avg(v);
            case MIN -> min(v);
            case MAX -> max(v);
            case LAST -> max_by(v, when(v.isNotNull(), order));
          };
      aggs.add(value.as(Observations.value(i)));
      aggs.add(count(v).as(observed(i)));
      aggs.add(count(when(accepted.and(col(Observations.missing(i))), lit(1))).as(missing(i)));
    }
    return obs.groupBy(keys).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
  }

  /**
   * Orders rows by time, then by place in the source (of two rows at the same instant the later one
   * wins), as one decimal: every aggregate buffer stays fixed-width, so the aggregation runs in a
   * hash map. A struct holding the file path would force a sort of every row.
   */
  private static Column latest() {
    return unix_micros(col(Observations.TS))
        .cast(ORDER)
        .multiply(lit(new BigDecimal(BigInteger.ONE.shiftLeft(Long.SIZE - 1))))
        .plus(col(RawRows.POSITION).cast(ORDER))
        .cast(ORDER);
  }

  static String observed(int i) {
    return "n" + i;
  }

  /** Accepted rows of a group whose cell for metric {@code i} was empty (where-conditions met). */
  static String missing(int i) {
    return "m" + i;
  }

  public SourceSpec source() {
    return source;
  }

  /** Whether the aggregate is a local table held on the driver (not persisted by Spark). */
  boolean heldOnDriver() {
    return heldOnDriver;
  }

  /** How many (entity, window) groups have accepted rows: the source's window values per metric. */
  public long acceptedGroups() {
    return acceptedGroups;
  }

  /** Row accounting of the scan. */
  public SourceQuality quality() {
    return quality;
  }

  private SourceQuality computeQuality() {
    List<Column> aggs = new ArrayList<>();
    aggs.add(coalesce(sum(col(ROWS)), lit(0L)));
    aggs.add(coalesce(sum(when(col(ACCEPTED), col(ROWS))), lit(0L)));
    aggs.add(min(col(FIRST_TS)));
    aggs.add(max(col(LAST_TS)));
    aggs.add(min(col(FIRST_DATE)));
    aggs.add(max(col(LAST_DATE)));
    aggs.add(count(when(col(ACCEPTED), lit(1))));
    aggs.add(coalesce(sum(when(superseded(), col(ROWS))), lit(0L)));
    Row totals =
        groups.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    acceptedGroups = totals.getLong(6);
    long read = totals.getLong(0);
    long accepted = totals.getLong(1);
    long superseded = totals.getLong(7);
    long[] missingCells = missingCellTotals();
    return quality(
        read,
        accepted,
        superseded,
        instant(totals.get(2)),
        instant(totals.get(3)),
        localDate(totals.get(4)),
        localDate(totals.get(5)),
        missingCells);
  }

  /**
   * Empty cells per metric over every group, as one row per metric: the metrics' columns unpivoted
   * into (metric, count) and summed by metric. A sum per metric column would be one aggregate
   * expression per metric, and a source of hundreds of metrics (Facebook's page export) spent
   * seconds generating and compiling that aggregation's code (PERFORMANCE.md).
   */
  private long[] missingCellTotals() {
    int n = source.metrics().size();
    long[] out = new long[n];
    if (n == 0) {
      return out;
    }
    Column[] cells = new Column[n];
    for (int i = 0; i < n; i++) {
      cells[i] = col(missing(i));
    }
    for (Row r :
        groups
            .select(posexplode(array(cells)))
            .groupBy(col("pos"))
            .agg(sum(col("col")))
            .collectAsList()) {
      out[r.getInt(0)] = r.isNullAt(1) ? 0L : r.getLong(1);
    }
    return out;
  }

  /** The same accounting as {@link #computeQuality}, over the groups held on the driver. */
  private SourceQuality qualityOf(List<Row> collected) {
    long read = 0;
    long accepted = 0;
    long superseded = 0;
    java.time.Instant firstTs = null;
    java.time.Instant lastTs = null;
    java.time.LocalDate firstDate = null;
    java.time.LocalDate lastDate = null;
    long[] missingCells = new long[source.metrics().size()];
    for (Row r : collected) {
      for (int i = 0; i < missingCells.length; i++) {
        missingCells[i] += r.getLong(r.fieldIndex(missing(i)));
      }
      long rows = r.getLong(r.fieldIndex(ROWS));
      read += rows;
      if (r.getBoolean(r.fieldIndex(ACCEPTED))) {
        accepted += rows;
        acceptedGroups++;
      } else if (Overlaps.SUPERSEDED.equals(r.getString(r.fieldIndex(RawRows.REASON)))) {
        superseded += rows;
      }
      firstTs = earlier(firstTs, instant(r.get(r.fieldIndex(FIRST_TS))));
      lastTs = later(lastTs, instant(r.get(r.fieldIndex(LAST_TS))));
      firstDate = earlier(firstDate, localDate(r.get(r.fieldIndex(FIRST_DATE))));
      lastDate = later(lastDate, localDate(r.get(r.fieldIndex(LAST_DATE))));
    }
    return quality(read, accepted, superseded, firstTs, lastTs, firstDate, lastDate, missingCells);
  }

  /**
   * The source's quality from its totals: the rows neither accepted nor superseded are rejected.
   */
  private SourceQuality quality(
      long read,
      long accepted,
      long superseded,
      java.time.Instant firstTs,
      java.time.Instant lastTs,
      java.time.LocalDate firstDate,
      java.time.LocalDate lastDate,
      long[] missingCells) {
    return new SourceQuality(
        source.name(),
        layout.files().size(),
        read,
        accepted,
        read - accepted - superseded,
        superseded,
        firstTs,
        lastTs,
        firstDate,
        lastDate,
        missingCells(missingCells));
  }

  /** Empty cells per metric, keyed {@code <source>.<metric>} in the source's metric order. */
  private Map<String, Long> missingCells(long[] counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      out.put(source.metrics().get(i).id(), counts[i]);
    }
    return out;
  }

  private static <T extends Comparable<? super T>> T earlier(T a, T b) {
    return a == null || (b != null && b.compareTo(a) < 0) ? b : a;
  }

  private static <T extends Comparable<? super T>> T later(T a, T b) {
    return a == null || (b != null && b.compareTo(a) > 0) ? b : a;
  }

  private static java.time.LocalDate localDate(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
  }

  private static java.time.Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof java.sql.Timestamp t ? t.toInstant() : (java.time.Instant) value;
  }

  /**
   * Observed (entity, window) values: source, entity, window_start, metric, value, n_obs. One row
   * per metric for every (entity, window) that had accepted rows, in one projection.
   */
  public Dataset<Row> windowValues() {
    List<MetricSpec> metrics = source.metrics();
    Column[] cells = new Column[metrics.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] =
          struct(
              lit(metrics.get(i).id()).as("metric"),
              col(Observations.value(i)).as("value"),
              col(observed(i)).as("n_obs"));
    }
    return groups
        .filter(col(ACCEPTED))
        .select(
            lit(source.name()).as("source"),
            col(Observations.ENTITY).as("entity"),
            col(Observations.WINDOW_START).as("window_start"),
            explode(array(cells)).as("cell"))
        .select("source", "entity", "window_start", "cell.metric", "cell.value", "cell.n_obs");
  }

  /**
   * Quarantined rows, still to be numbered with {@link LineNumbers#number}: source, file,
   * split_start, line_index, byte_offset, reason, detail, raw.
   */
  public Dataset<Row> rejectedRows() {
    return groups
        .filter(col(ACCEPTED).equalTo(lit(false)).and(notSuperseded()))
        .select(
            lit(source.name()).as("source"),
            RawRows.fileOf(col(RawRows.POSITION), fileNames).as(RawRows.FILE),
            col(RawRows.SPLIT_START),
            col(RawRows.LINE_INDEX),
            RawRows.offsetOf(col(RawRows.POSITION)).as(RawRows.OFFSET),
            col(RawRows.REASON),
            col(RawRows.DETAIL),
            col(RawRows.RAW));
  }

  /** This source's rows of the {@code quarantine} table, numbered. */
  public Dataset<Row> quarantine() {
    return LineNumbers.number(groups.sparkSession(), rejectedRows(), splitLines());
  }

  /** Line counts of every split read (known once the scan has run). */
  public List<SplitLines> splitLines() {
    return List.copyOf(splitLines.value());
  }

  /** Frees the persisted aggregate. */
  public void release() {
    groups.unpersist();
  }
}
