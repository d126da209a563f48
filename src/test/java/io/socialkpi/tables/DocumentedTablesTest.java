package io.socialkpi.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.output.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each table's definition, the schema its rows are written with, is the one documented in
 * docs/TABLES.md: the same columns in the same order with the same types. (Spark writes every
 * Parquet column nullable, and so do the definitions.)
 */
class DocumentedTablesTest {

  @ParameterizedTest
  @EnumSource(Table.class)
  void everyTableIsAsDocumented(Table table) {
    assertDocumented(table.tableName(), table.definition());
  }

  private static void assertDocumented(String table, Class<? extends Record> definition) {
    // Compared as DDL lines first, so a failure names the column that differs.
    assertThat(RowCodec.of(definition).schema().toDDL().split(", (?![^<]*>)"))
        .as(table)
        .containsExactly(TablesDoc.columns(table).toDDL().split(", (?![^<]*>)"));
    assertThat(RowCodec.of(definition).schema()).isEqualTo(TablesDoc.columns(table));
  }
}
