package io.socialkpi.source;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.socialkpi.config.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The shape every reader produces: where a row came from, its raw text, an early quarantine reason
 * (if parsing already failed) and the values of the columns the job reads, named {@code f0, f1,
 * ...} in {@link SourceSpec#columns()} order.
 */
final class RawRows {
  static final String FILE = "file";
  static final String SPLIT_START = "split_start";
  static final String LINE_INDEX = "line_index";
  static final String OFFSET = "byte_offset";

  /**
   * The row's place in the source as one long: the rank of its file among the source's sorted
   * files, then its offset in the file. Orders rows like (file, offset) without comparing paths.
   */
  static final String POSITION = "position";

  /** Bits of {@link #POSITION} that hold the offset: files up to 1 TiB, 8 million files. */
  static final int OFFSET_BITS = 40;

  static final String RAW = "raw";
  static final String REASON = "reason";
  static final String DETAIL = "detail";

  /**
   * Prefix of a Parquet row's own columns, carried instead of its text: the duplicate check
   * compares them directly, and the JSON text is built only for rows that end in quarantine.
   */
  static final String COPY = "raw$";

  private RawRows() {}

  /**
   * The columns that say whether two rows are the same row: the text, or a Parquet row's columns.
   */
  static Column[] identity(Dataset<Row> rows) {
    List<Column> copies = new ArrayList<>();
    for (String name : rows.columns()) {
      if (name.startsWith(COPY)) {
        copies.add(col("`" + name + "`"));
      }
    }
    return copies.isEmpty() ? new Column[] {col(RAW)} : copies.toArray(new Column[0]);
  }

  /** The rows with {@link #RAW} filled in: a Parquet row's text is the JSON of its columns. */
  static Dataset<Row> withText(Dataset<Row> rows) {
    List<Column> fields = new ArrayList<>();
    for (String name : rows.columns()) {
      if (name.startsWith(COPY)) {
        fields.add(col("`" + name + "`").as(name.substring(COPY.length())));
      }
    }
    if (fields.isEmpty()) {
      return rows;
    }
    return rows.withColumn(RAW, to_json(struct(fields.toArray(new Column[0]))));
  }

  static String field(int i) {
    return "f" + i;
  }

  static StructType schema(SourceSpec source) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SPLIT_START, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(LINE_INDEX, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(OFFSET, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(POSITION, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
    for (int i = 0; i < source.columns().size(); i++) {
      fields.add(DataTypes.createStructField(field(i), DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * The file a {@link #POSITION} is in, named as the reader names it ({@code names} in rank order).
   * Computed only where a file name is shown, so the path is not carried with every row.
   */
  static Column fileOf(Column position, List<String> names) {
    Column[] literals = new Column[names.size()];
    for (int i = 0; i < literals.length; i++) {
      literals[i] = lit(names.get(i));
    }
    return element_at(array(literals), shiftright(position, OFFSET_BITS).cast("int").plus(lit(1)));
  }

  /** The offset (byte, or a Parquet row's index) a {@link #POSITION} holds. */
  static Column offsetOf(Column position) {
    return position.bitwiseAND(lit((1L << OFFSET_BITS) - 1));
  }

  static long position(int fileRank, long offset) {
    return ((long) fileRank << OFFSET_BITS) | offset;
  }

  static Row row(
      String file,
      int fileRank,
      long splitStart,
      long index,
      long offset,
      int width,
      LineParser.Parsed parsed) {
    int n = parsed.fields() == null ? 0 : parsed.fields().length;
    Object[] values = new Object[8 + width];
    values[0] = file;
    values[1] = splitStart;
    values[2] = index;
    values[3] = offset;
    values[4] = position(fileRank, offset);
    values[5] = parsed.raw();
    values[6] = parsed.reason() == null ? null : parsed.reason().code();
    values[7] = parsed.detail();
    for (int i = 0; i < n; i++) {
      values[8 + i] = parsed.fields()[i];
    }
    return RowFactory.create(values);
  }
}
