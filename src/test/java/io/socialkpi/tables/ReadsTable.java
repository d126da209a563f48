package io.socialkpi.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** For tests: a reader's record reads columns that its table's definition has, with their types. */
public final class ReadsTable {
  private ReadsTable() {}

  /** Every column {@code reader} reads is a column of {@code table} of the same type. */
  public static void assertReads(Class<? extends Record> reader, Class<? extends Record> table) {
    StructType defined = RowCodec.of(table).schema();
    for (StructField f : RowCodec.of(reader).schema().fields()) {
      assertThat(defined.getFieldIndex(f.name()).isDefined())
          .as("%s reads %s, not a column of %s", reader.getSimpleName(), f.name(), table)
          .isTrue();
      assertThat(defined.apply(f.name()).dataType())
          .as("type of %s read by %s", f.name(), reader.getSimpleName())
          .isEqualTo(f.dataType());
    }
  }
}
