package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.output-format = delta} at the writer: a date is replaced in one commit per table, the
 * replaced rows stay readable by version, a table a run did not stage loses the date's rows, and
 * retention deletes old dates' rows through the table's log.
 */
// Runs alone in its JVM: its Delta session replaces the shared one, which other classes use.
@org.junit.jupiter.api.parallel.Isolated
class DeltaOutputTest {
  static final Configuration HADOOP = new Configuration();
  static SparkSession spark;
  @TempDir Path out;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.delta();
  }

  @AfterAll
  static void stop() {
    SparkTestSession.stopDelta();
  }

  static LocalDate day(int d) {
    return LocalDate.of(2025, 2, d);
  }

  /** Publishes a run of {@code date} whose tables hold {@code rows} rows of {@code value}. */
  void publish(LocalDate date, String value, int rows, Table... tables) {
    RunWriter writer = new RunWriter(out.toString(), date, HADOOP, OutputFormat.DELTA);
    for (Table t : tables.length == 0 ? Table.values() : tables) {
      writer.stageRows(
          t, spark.sql("SELECT '" + value + "' AS v, id FROM range(" + rows + ")").toDF(), 1);
    }
    writer.stageReport(Map.of("index.html", "report of " + date));
    writer.publish();
  }

  List<String> values(Table table, LocalDate date) throws Exception {
    TableData data =
        TableData.published(
            FileSystem.getLocal(HADOOP),
            new org.apache.hadoop.fs.Path(out.toString()),
            table,
            date);
    assertThat(data.delta()).isTrue();
    return data.read(spark).orderBy("id").collectAsList().stream()
        .map(r -> r.getString(0))
        .toList();
  }

  String table(Table t) {
    return out.resolve(t.tableName()).toString();
  }

  @Test
  void aRerunReplacesItsDateAndTheReplacedRowsStayReadableByVersion() throws Exception {
    publish(day(1), "a", 2, Table.DATA_QUALITY);
    publish(day(2), "b", 3, Table.DATA_QUALITY);
    publish(day(2), "c", 2, Table.DATA_QUALITY);

    assertThat(values(Table.DATA_QUALITY, day(1))).containsExactly("a", "a");
    assertThat(values(Table.DATA_QUALITY, day(2))).containsExactly("c", "c");
    assertThat(spark.read().format("delta").load(table(Table.DATA_QUALITY)).count()).isEqualTo(4);
    assertThat(out.resolve("data_quality/_delta_log")).isDirectory();
    assertThat(out.resolve("_runs/run_date=" + day(2) + ".json")).exists();
    assertThat(out.resolve("_staging")).doesNotExist();
    // The files of b are still in the date's folder: only the log says they are gone.
    try (var files = Files.list(out.resolve("data_quality/run_date=" + day(2)))) {
      assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count()).isEqualTo(2);
    }
    // Versions 0 (a), 1 (b), 2 (c): the rerun's previous rows by version, as analysts read them.
    List<Row> before =
        spark
            .sql(
                "SELECT v FROM delta.`"
                    + table(Table.DATA_QUALITY)
                    + "` VERSION AS OF 1 WHERE run_date = DATE '"
                    + day(2)
                    + "'")
            .collectAsList();
    assertThat(before).hasSize(3).allMatch(r -> r.getString(0).equals("b"));
  }

  @Test
  void aTableTheRunDidNotStageLosesTheDatesRows() throws Exception {
    publish(day(1), "a", 1, Table.DATA_QUALITY, Table.QUARANTINE);
    publish(day(3), "a", 1, Table.DATA_QUALITY, Table.QUARANTINE);
    // The data-quality gate stopped the rerun of day 1 before data_quality (here) was staged.
    publish(day(1), "g", 2, Table.QUARANTINE);

    assertThat(values(Table.DATA_QUALITY, day(1))).isEmpty();
    assertThat(values(Table.DATA_QUALITY, day(3))).containsExactly("a");
    assertThat(values(Table.QUARANTINE, day(1))).containsExactly("g", "g");
    RunManifest manifest =
        RunManifest.read(
            FileSystem.getLocal(HADOOP), new org.apache.hadoop.fs.Path(out.toString()), day(1));
    assertThat(manifest.tables()).containsExactly("quarantine");
  }

  @Test
  void aFailedCommitNamesItsTableAndLeavesTheDateWithoutAManifest() {
    publish(day(1), "a", 1, Table.DATA_QUALITY, Table.QUARANTINE);
    // data_quality.v is text: a number cannot be merged into it. The commits run on pool
    // threads, three at a time, so the failure itself has to say which table it was.
    RunWriter writer = new RunWriter(out.toString(), day(2), HADOOP, OutputFormat.DELTA);
    writer.stageRows(Table.DATA_QUALITY, spark.sql("SELECT 42 AS v, id FROM range(1)").toDF(), 1);
    writer.stageRows(Table.QUARANTINE, spark.sql("SELECT 'b' AS v, id FROM range(1)").toDF(), 1);
    assertThatThrownBy(writer::publish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("publishing run " + day(2) + " to the Delta table ")
        .hasMessageContaining("data_quality failed");
    assertThat(out.resolve("_runs/run_date=" + day(2) + ".json")).doesNotExist();
  }

  @Test
  void retentionDeletesOldDatesRowsAndTheLatestViewsShowTheNewestRun() throws Exception {
    publish(day(1), "a", 1);
    publish(day(2), "b", 1);
    List<String> log = new ArrayList<>();

    List<LocalDate> deleted =
        Retention.apply(out.toString(), day(2), 1, Duration.ofMinutes(10), HADOOP, log::add);

    assertThat(deleted).containsExactly(day(1));
    assertThat(out.resolve("_runs/run_date=" + day(1) + ".json")).doesNotExist();
    assertThat(out.resolve("report/run_date=" + day(1))).doesNotExist();
    for (Table t : Table.values()) {
      assertThat(
              spark.read().format("delta").load(table(t)).select("run_date", "v").collectAsList())
          .extracting(r -> r.getDate(0).toLocalDate() + " " + r.getString(1))
          .containsExactly(day(2) + " b");
    }
    // Not vacuumed: the deleted date is still there by version (version 0 is day 1's publish).
    assertThat(
            spark
                .read()
                .format("delta")
                .option("versionAsOf", 0)
                .load(table(Table.RUN_INFO))
                .count())
        .isEqualTo(1);

    LatestViews.registerTemporary(spark, out.toString());
    assertThat(spark.sql("SELECT run_date, v FROM objective_summary_latest").collectAsList())
        .extracting(r -> r.getDate(0).toLocalDate() + " " + r.getString(1))
        .containsExactly(day(2) + " b");
  }
}
