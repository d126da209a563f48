package io.socialkpi.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Brings rows built by Spark expressions to a table's definition (a schema derived from its record
 * by {@code tables.RowCodec}): its columns, by name, in its order, with its types. A table built by
 * a query then has the one definition a table built from records has, instead of a column list of
 * its own that could drift from it.
 */
public final class Conform {
  private Conform() {}

  /**
   * The rows as {@code schema}'s columns.
   *
   * @throws IllegalStateException naming a column of the schema the rows lack
   */
  public static Dataset<Row> to(StructType schema, Dataset<Row> rows) {
    Set<String> have = new HashSet<>(Arrays.asList(rows.columns()));
    Column[] columns = new Column[schema.size()];
    int i = 0;
    for (StructField f : schema.fields()) {
      if (!have.contains(f.name())) {
        throw new IllegalStateException(
            "rows lack the column " + f.name() + " of " + schema.simpleString());
      }
      columns[i++] = col("`" + f.name() + "`").cast(f.dataType()).as(f.name());
    }
    return rows.select(columns);
  }
}
