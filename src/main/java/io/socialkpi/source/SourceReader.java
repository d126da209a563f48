package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.socialkpi.config.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
      case CSV, JSON -> TextSourceReader.read(spark, source, layout, splitLines);
      case PARQUET -> parquet(spark, source, layout);
    };
  }

  /**
   * Parquet keeps its column types; the row's position is its index in the file and its raw text
   * the JSON of all its columns.
   */
  private static Dataset<Row> parquet(SparkSession spark, SourceSpec source, SourceLayout layout) {
    Dataset<Row> df = spark.read().parquet(layout.files().toArray(new String[0]));
    List<Column> cols = new ArrayList<>();
    cols.add(col("_metadata.file_path").as(RawRows.FILE));
    cols.add(lit(0L).as(RawRows.SPLIT_START));
    cols.add(col("_metadata.row_index").as(RawRows.LINE_INDEX));
    cols.add(col("_metadata.row_index").as(RawRows.OFFSET));
    List<Column> all = new ArrayList<>();
    for (String name : df.columns()) {
      all.add(col("`" + name + "`"));
    }
    cols.add(to_json(struct(all.toArray(new Column[0]))).as(RawRows.RAW));
    cols.add(lit(null).cast("string").as(RawRows.REASON));
    cols.add(lit(null).cast("string").as(RawRows.DETAIL));
    List<String> columns = source.columns();
    for (int i = 0; i < columns.size(); i++) {
      cols.add(col("`" + columns.get(i) + "`").as(RawRows.field(i)));
    }
    return df.select(cols.toArray(new Column[0]));
  }
}
