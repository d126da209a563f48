package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/** Reads a source in its format into the common {@link RawRows} shape, in one scan. */
final class SourceReader {
  private SourceReader() {}

  static Dataset<Row> read(
      SparkSession spark,
      SourceSpec source,
      SourceLayout layout,
      CollectionAccumulator<SplitLines> splitLines) {
    return switch (source.format()) {
      case CSV, JSON, SPREADSHEET -> TextSourceReader.read(spark, source, layout, splitLines);
      case PARQUET -> parquet(spark, source, layout);
    };
  }

  /**
   * The source's files as the reader names them in {@link RawRows#FILE}, in the rank order of
   * {@link RawRows#POSITION}.
   */
  static List<String> fileNames(SourceSpec source, SourceLayout layout) {
    List<String> names = new ArrayList<>();
    for (String file : layout.files()) {
      Path path = new Path(file);
      names.add(
          source.format() == SourceFormat.PARQUET ? path.toUri().toString() : path.toString());
    }
    return names;
  }

  /**
   * Parquet keeps its column types; the row's position is its index in the file and its raw text
   * the JSON of all its columns.
   */
  private static Dataset<Row> parquet(SparkSession spark, SourceSpec source, SourceLayout layout) {
    Dataset<Row> df = spark.read().parquet(layout.literalFiles().toArray(new String[0]));
    List<Column> cols = new ArrayList<>();
    cols.add(col("_metadata.file_path").as(RawRows.FILE));
    cols.add(lit(0L).as(RawRows.SPLIT_START));
    cols.add(col("_metadata.row_index").as(RawRows.LINE_INDEX));
    cols.add(col("_metadata.row_index").as(RawRows.OFFSET));
    cols.add(position(layout).as(RawRows.POSITION));
    // The text is the JSON of the row's columns, built from these copies only where it is used.
    cols.add(lit(null).cast("string").as(RawRows.RAW));
    // A copy of another file: its rows are quarantined, the original's count.
    Column reason = lit(null).cast("string");
    Column detail = lit(null).cast("string");
    for (Map.Entry<String, String> d : layout.duplicates().entrySet()) {
      Column inCopy =
          col("_metadata.file_path").equalTo(lit(new Path(d.getKey()).toUri().toString()));
      reason = when(inCopy, lit(QuarantineReason.DUPLICATE_FILE.code())).otherwise(reason);
      detail =
          when(inCopy, lit("the file has the same bytes as " + d.getValue() + ", whose rows count"))
              .otherwise(detail);
    }
    cols.add(reason.as(RawRows.REASON));
    cols.add(detail.as(RawRows.DETAIL));
    List<String> columns = source.columns();
    for (int i = 0; i < columns.size(); i++) {
      cols.add(column(df.schema(), columns.get(i)).as(RawRows.field(i)));
    }
    for (String name : df.columns()) {
      cols.add(col("`" + name + "`").as(RawRows.COPY + name));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /**
   * A column by name, or else a nested field by path ({@code traffic_source.medium}), as InputCheck
   * lists them: a column of that very name wins; of two paths, the one with the shorter first name.
   */
  static Column column(StructType schema, String name) {
    Column found = field(schema, null, name);
    // A name InputCheck let through is in the schema; Spark's own error names it otherwise.
    return found != null ? found : col("`" + name + "`");
  }

  private static Column field(StructType schema, Column parent, String name) {
    if (java.util.Arrays.asList(schema.fieldNames()).contains(name)) {
      return parent == null ? col("`" + name + "`") : parent.getField(name);
    }
    for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
      String first = name.substring(0, dot);
      if (java.util.Arrays.asList(schema.fieldNames()).contains(first)
          && schema.apply(first).dataType() instanceof StructType child) {
        Column c = parent == null ? col("`" + first + "`") : parent.getField(first);
        Column found = field(child, c, name.substring(dot + 1));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The row's {@link RawRows#POSITION}: its file's rank, then its index in the file. */
  private static Column position(SourceLayout layout) {
    Column index = col("_metadata.row_index");
    if (layout.files().size() <= 1) {
      return index;
    }
    Map<String, Long> ranks = new HashMap<>();
    for (String file : layout.files()) {
      ranks.put(new Path(file).toUri().toString(), (long) ranks.size() << RawRows.OFFSET_BITS);
    }
    // A lookup in a hash map: a CASE over hundreds of daily files would not compile to one method.
    UserDefinedFunction rank =
        udf(
                (UDF1<String, Long>)
                    path -> {
                      Long found = ranks.get(path);
                      if (found == null) {
                        // A wrong rank would mix up positions of two files: fail, never guess.
                        throw new IllegalStateException(
                            "Parquet file " + path + " is not among the source's listed files");
                      }
                      return found;
                    },
                DataTypes.LongType)
            .asNonNullable();
    return rank.apply(col("_metadata.file_path")).bitwiseOR(index);
  }
}
