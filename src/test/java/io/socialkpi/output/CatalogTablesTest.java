package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration in the session's catalog (the in-memory one here; a Hive metastore takes the same
 * statements): tables by name, partitioned by run date, a rerun's partition not doubled, and a
 * column added by a newer run read as null in the older partitions.
 */
class CatalogTablesTest {
  static final String DB = "socialkpi_catalog_test";
  static SparkSession spark;
  @TempDir Path out;
  final List<String> log = new ArrayList<>();

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @AfterEach
  void dropDatabase() {
    spark.sql("DROP DATABASE IF EXISTS " + DB + " CASCADE");
  }

  void runAndRegister(LocalDate date, Dataset<Row> quality) {
    RunWriter writer =
        new RunWriter(out.toString(), date, spark.sparkContext().hadoopConfiguration());
    writer.stageRows(Table.DATA_QUALITY, quality, 1);
    writer.publish();
    CatalogTables.register(spark, DB, writer, log::add);
  }

  @Test
  void tablesAreFoundByNameWithEveryRunDate() {
    runAndRegister(LocalDate.of(2025, 1, 1), spark.sql("SELECT 'a' AS source, 1L AS rows_read"));
    runAndRegister(LocalDate.of(2025, 1, 2), spark.sql("SELECT 'b' AS source, 2L AS rows_read"));
    runAndRegister(LocalDate.of(2025, 1, 2), spark.sql("SELECT 'c' AS source, 3L AS rows_read"));

    List<Row> rows =
        spark
            .sql(
                "SELECT run_date, source, rows_read FROM " + DB + ".data_quality ORDER BY run_date")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get(0).toString()).isEqualTo("2025-01-01");
    assertThat(rows.get(0).getString(1)).isEqualTo("a");
    assertThat(rows.get(1).getString(1)).isEqualTo("c");
    assertThat(spark.sql("SHOW PARTITIONS " + DB + ".data_quality").collectAsList()).hasSize(2);
    assertThat(CatalogTables.exists(spark, DB, "objective_summary")).isFalse();
    assertThat(log).anyMatch(l -> l.contains("catalog is in-memory"));
    assertThat(log).anyMatch(l -> l.contains(DB + ".data_quality"));
  }

  @Test
  void aColumnANewerRunAddsIsNullInOlderPartitions() {
    runAndRegister(LocalDate.of(2025, 1, 1), spark.sql("SELECT 'a' AS source"));
    runAndRegister(
        LocalDate.of(2025, 1, 2), spark.sql("SELECT 'b' AS source, 7L AS rows_quarantined"));

    List<Row> rows =
        spark
            .sql("SELECT source, rows_quarantined FROM " + DB + ".data_quality ORDER BY run_date")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).isNullAt(1)).isTrue();
    assertThat(rows.get(1).getLong(1)).isEqualTo(7L);
  }

  @Test
  void identifiersAndLiteralsAreQuoted() {
    assertThat(CatalogTables.quote("a`b")).isEqualTo("`a``b`");
    assertThat(CatalogTables.literal("/x/it's\\here")).isEqualTo("'/x/it\\'s\\\\here'");
  }
}
