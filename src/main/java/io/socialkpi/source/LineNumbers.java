package io.socialkpi.source;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;

import io.socialkpi.config.Uris;
import io.socialkpi.spark.Conform;
import io.socialkpi.tables.QuarantineRow;
import io.socialkpi.tables.RowCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Turns (file, split, index in split) into 1-based line numbers from the per-split line counts. */
public final class LineNumbers {
  private static final StructType SCHEMA =
      new StructType()
          .add(RawRows.FILE, DataTypes.StringType)
          .add(RawRows.SPLIT_START, DataTypes.LongType)
          .add("lines_before", DataTypes.LongType);

  private LineNumbers() {}

  /**
   * Lines before each split of each file. Task retries can report a split twice with the same
   * count, so reports are keyed by (file, start).
   */
  private static Dataset<Row> splitStarts(SparkSession spark, List<SplitLines> reports) {
    Map<String, SplitLines> unique = new LinkedHashMap<>();
    for (SplitLines s : reports) {
      unique.put(s.file() + "@" + s.start(), s);
    }
    List<SplitLines> sorted = new ArrayList<>(unique.values());
    sorted.sort(Comparator.comparing(SplitLines::file).thenComparingLong(SplitLines::start));
    List<Row> rows = new ArrayList<>();
    String file = null;
    long before = 0;
    for (SplitLines s : sorted) {
      if (!s.file().equals(file)) {
        file = s.file();
        before = 0;
      }
      rows.add(RowFactory.create(s.file(), s.start(), before));
      before += s.lines();
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * The {@code quarantine} table from rejected rows of any sources: source, file, line,
   * byte_offset, reason, detail, raw.
   */
  public static Dataset<Row> number(
      SparkSession spark, Dataset<Row> rejected, List<SplitLines> reports) {
    Dataset<Row> starts = splitStarts(spark, reports);
    Column linesBefore = coalesce(starts.col("lines_before"), lit(0L));
    Dataset<Row> numbered =
        rejected
            .join(
                broadcast(starts),
                rejected
                    .col(RawRows.FILE)
                    .equalTo(starts.col(RawRows.FILE))
                    .and(
                        rejected.col(RawRows.SPLIT_START).equalTo(starts.col(RawRows.SPLIT_START))),
                "left")
            .select(
                rejected.col("source"),
                redact(rejected.col(RawRows.FILE)).as(RawRows.FILE),
                linesBefore.plus(rejected.col(RawRows.LINE_INDEX)).plus(lit(1L)).as("line"),
                rejected.col(RawRows.OFFSET),
                rejected.col(RawRows.REASON),
                // A duplicate_file detail names the other file, user-info and all.
                redact(rejected.col(RawRows.DETAIL)).as(RawRows.DETAIL),
                rejected.col(RawRows.RAW));
    return Conform.to(RowCodec.of(QuarantineRow.class).schema(), numbered);
  }

  /** {@link Uris#redact(String)} as a Spark expression over a string column. */
  static Column redact(Column text) {
    return functions.regexp_replace(text, Uris.USER_INFO, Uris.HIDDEN);
  }
}
