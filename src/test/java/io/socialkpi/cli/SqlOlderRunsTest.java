package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sql} over Parquet output that an older version wrote part of: a column a newer version
 * added (objective_summary.verdict_reason_code) is queryable over every run date, null in the runs
 * written before it, whichever run's files Spark would take the schema from.
 */
class SqlOlderRunsTest {
  @TempDir Path dir;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  @Test
  void aColumnAddedByANewerVersionIsQueryableOverEveryRunDate() {
    SparkSession spark = SparkTestSession.get();
    StructType older =
        new StructType()
            .add("objective_id", DataTypes.StringType)
            .add("verdict", DataTypes.StringType);
    StructType newer = older.add("verdict_reason_code", DataTypes.StringType);
    Path table = dir.resolve("objective_summary");
    spark
        .createDataFrame(List.of(RowFactory.create("o", "supported")), older)
        .write()
        .parquet(table.resolve("run_date=2024-01-01").toString());
    spark
        .createDataFrame(List.of(RowFactory.create("o", "supported", "moved_expected_way")), newer)
        .write()
        .parquet(table.resolve("run_date=2024-01-02").toString());

    int code =
        Main.execute(
            "sql",
            "--output",
            dir.toString(),
            "--csv",
            "SELECT CAST(run_date AS STRING) AS d, verdict_reason_code FROM objective_summary"
                + " ORDER BY d");

    assertThat(console.err.toString(StandardCharsets.UTF_8)).doesNotContain("failed");
    assertThat(code).isZero();
    assertThat(console.out.toString(StandardCharsets.UTF_8))
        .isEqualTo("d,verdict_reason_code\n2024-01-01,\n2024-01-02,moved_expected_way\n");
  }
}
