package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {
  static SparkSession spark;
  @TempDir Path out;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  static Dataset<Row> rows(String source, long read) {
    return spark.sql(
        "SELECT '" + source + "' AS source, CAST(" + read + " AS BIGINT) AS rows_read");
  }

  void write(LocalDate date, Dataset<Row> rows) {
    RunWriter writer =
        new RunWriter(out.toString(), date, spark.sparkContext().hadoopConfiguration());
    writer.stage(Table.DATA_QUALITY, rows, 1);
    writer.publish();
  }

  @Test
  void rerunReplacesOnlyItsOwnRunDate() {
    LocalDate first = LocalDate.of(2025, 1, 1);
    LocalDate second = LocalDate.of(2025, 1, 2);
    write(first, rows("a", 1));
    write(second, rows("b", 2));
    write(second, rows("c", 3));
    Dataset<Row> table = spark.read().parquet(out.resolve("data_quality").toString());
    List<Row> all = table.orderBy("run_date").collectAsList();
    assertThat(all).hasSize(2);
    assertThat(all.get(0).<String>getAs("source")).isEqualTo("a");
    assertThat(all.get(0).getAs("run_date").toString()).isEqualTo("2025-01-01");
    assertThat(all.get(1).<String>getAs("source")).isEqualTo("c");
    assertThat(all.get(1).<Long>getAs("rows_read")).isEqualTo(3L);
  }

  @Test
  void publishingLeavesNoStagingBehind() throws Exception {
    write(LocalDate.of(2025, 3, 1), rows("a", 1));
    try (Stream<Path> top = Files.list(out)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsExactly("data_quality");
    }
    assertThat(out.resolve("data_quality/run_date=2025-03-01")).isDirectory();
  }
}
