package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.OutputFormat;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.output.Table;
import io.socialkpi.report.Report;
import io.socialkpi.report.ReportOptions;
import io.socialkpi.source.InputCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs with {@code run.output-format = delta}: the same rows as a Parquet run, a rerun that
 * replaces its date (the old rows readable by version), the catalog's Delta tables and {@code
 * _latest} views, the report read from Delta, and a rerun stopped by the data-quality gate.
 */
// Runs alone in its JVM: its Delta session replaces the shared one, which other classes use.
@org.junit.jupiter.api.parallel.Isolated
class DeltaRunTest {
  static final String DB = "socialkpi_delta_test";
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.delta();
  }

  @AfterAll
  static void stop() {
    spark.sql("DROP DATABASE IF EXISTS " + DB + " CASCADE");
    spark.sql("DROP DATABASE IF EXISTS " + DB + "_pq CASCADE");
    SparkTestSession.stopDelta();
  }

  void run(String output, OutputFormat format, String date) {
    // Each output registers in a database of its own.
    Settings s = SettingsLoader.load(dir.resolve(output + ".conf"));
    s =
        s.withRun(
            s.run()
                .withOutput(dir.resolve(output).toString())
                .withRunDate(LocalDate.parse(date))
                .withOutputFormat(format));
    LockedRuns.run(
        spark, s, InputCheck.check(s), new Progress(new PrintStream(new ByteArrayOutputStream())));
  }

  Dataset<Row> delta(Table t) {
    return spark.read().format("delta").load(dir.resolve("dl").resolve(t.tableName()).toString());
  }

  long rows(String sql) {
    return spark.sql(sql).count();
  }

  /**
   * The rows of a table and date, as sorted text, without run_info's start time and config file
   * (each output has its own).
   */
  static List<String> text(Dataset<Row> rows) {
    Dataset<Row> shown =
        rows.drop("started_at", "config_file", "config_sha256", "config_uri", "run_date");
    return shown.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void deltaRunsMatchParquetReplaceTheirDateAndKeepEarlierVersions() throws Exception {
    StringBuilder good = new StringBuilder("ticket_id,opened_at\n");
    for (int d = 1; d <= 28; d++) {
      good.append(d).append(",2024-01-").append(String.format("%02d", d)).append(" 10:00\n");
    }
    Files.writeString(dir.resolve("tickets.csv"), good);
    Files.writeString(dir.resolve("dl.conf"), QualityGateCatalogTest.CONF.formatted(DB));
    Files.writeString(dir.resolve("pq.conf"), QualityGateCatalogTest.CONF.formatted(DB + "_pq"));

    run("dl", OutputFormat.DELTA, "2024-02-01");
    run("pq", OutputFormat.PARQUET, "2024-02-01");
    for (Table t : Table.values()) {
      Path partition = dir.resolve("pq").resolve(t.tableName()).resolve("run_date=2024-02-01");
      assertThat(text(delta(t).where("run_date = DATE '2024-02-01'")))
          .as(t.tableName())
          .isEqualTo(text(spark.read().parquet(partition.toString())));
    }

    run("dl", OutputFormat.DELTA, "2024-02-02");
    long perRun = delta(Table.WINDOW_METRICS).where("run_date = DATE '2024-02-02'").count();
    run("dl", OutputFormat.DELTA, "2024-02-02"); // a rerun replaces the date: no duplicates
    assertThat(delta(Table.WINDOW_METRICS).where("run_date = DATE '2024-02-02'").count())
        .isEqualTo(perRun);
    assertThat(rows("SELECT * FROM " + DB + ".window_metrics")).isEqualTo(2 * perRun);
    assertThat(
            spark
                .sql("SELECT DISTINCT run_date FROM " + DB + ".objective_summary_latest")
                .collectAsList())
        .extracting(r -> r.getDate(0).toString())
        .containsExactly("2024-02-02");
    Report.Written report =
        Report.republish(
            spark,
            dir.resolve("dl").toString(),
            null,
            ReportOptions.DEFAULTS,
            Duration.ofMinutes(1));
    assertThat(report.runDate()).isEqualTo(LocalDate.parse("2024-02-02"));
    assertThat(report.objectives()).isEqualTo(1);
    assertThat(dir.resolve("dl/report/run_date=2024-02-02/index.html")).exists();

    // Stopped by the data-quality gate: the date keeps only its quality tables' rows.
    long version =
        spark
            .sql("DESCRIBE HISTORY delta.`" + dir.resolve("dl/objective_summary") + "`")
            .agg(org.apache.spark.sql.functions.max("version"))
            .first()
            .getLong(0);
    Files.writeString(dir.resolve("tickets.csv"), good + "999,yesterday\n".repeat(40));
    assertThatThrownBy(() -> run("dl", OutputFormat.DELTA, "2024-02-02"))
        .isInstanceOf(DataQualityError.class);
    assertThat(delta(Table.OBJECTIVE_SUMMARY).where("run_date = DATE '2024-02-02'").count())
        .isZero();
    assertThat(delta(Table.DATA_QUALITY).where("run_date = DATE '2024-02-02'").count())
        .isEqualTo(1);
    assertThat(
            spark
                .sql("SELECT DISTINCT run_date FROM " + DB + ".objective_summary_latest")
                .collectAsList())
        .extracting(r -> r.getDate(0).toString())
        .containsExactly("2024-02-01");
    // The good run's evidence, by version.
    assertThat(
            rows(
                "SELECT * FROM delta.`"
                    + dir.resolve("dl/objective_summary")
                    + "` VERSION AS OF "
                    + version
                    + " WHERE run_date = DATE '2024-02-02'"))
        .isPositive();
  }
}
