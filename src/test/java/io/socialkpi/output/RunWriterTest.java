package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
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
    writer.stageRows(Table.DATA_QUALITY, rows, 1);
    writer.publish();
  }

  @Test
  void aTableIsStagedOnlyAsItsDefinition() {
    RunWriter writer =
        new RunWriter(
            out.toString(), LocalDate.of(2025, 4, 1), spark.sparkContext().hadoopConfiguration());
    assertThatThrownBy(() -> writer.stage(Table.DATA_QUALITY, rows("a", 1), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("data_quality rows are struct<source:string,rows_read:bigint>")
        .hasMessageContaining("not its definition struct<source:string,files:int,");
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
      assertThat(top.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("data_quality", "_runs");
    }
    assertThat(out.resolve("data_quality/run_date=2025-03-01")).isDirectory();
  }

  @Test
  void theManifestNamesTheRunAndItsTablesAndIsReplacedByARerun() throws Exception {
    LocalDate date = LocalDate.of(2025, 3, 1);
    RunWriter first = new RunWriter(out.toString(), date, hadoop());
    first.stageRows(Table.DATA_QUALITY, rows("a", 1), 1);
    first.stageRows(Table.QUARANTINE, rows("a", 1), 1);
    first.publish();
    RunManifest m = RunManifest.read(fs(), new org.apache.hadoop.fs.Path(out.toString()), date);
    assertThat(m.runId()).isEqualTo(first.runId()).startsWith("2025-03-01-");
    assertThat(m.runDate()).isEqualTo(date);
    assertThat(m.tables()).containsExactly("data_quality", "quarantine");
    assertThat(m.complete()).isFalse();
    assertThat(Files.readString(out.resolve("_runs/run_date=2025-03-01.json")))
        .contains("\"run_id\" : \"" + first.runId() + "\"");

    // A rerun that writes fewer tables (stopped by the data-quality gate) removes the others'
    // partitions of the date, so the date never mixes two runs.
    RunWriter second = new RunWriter(out.toString(), date, hadoop());
    second.stageRows(Table.DATA_QUALITY, rows("b", 2), 1);
    second.publish();
    assertThat(out.resolve("quarantine/run_date=2025-03-01")).doesNotExist();
    assertThat(RunManifest.read(fs(), new org.apache.hadoop.fs.Path(out.toString()), date).runId())
        .isEqualTo(second.runId());
  }

  @SuppressWarnings("try") // the lock is held through the block, never read in it
  @Test
  void recoveryPutsBackAMovedAsidePartitionAndRemovesOnlyItsDatesDeadStaging() throws Exception {
    LocalDate date = LocalDate.of(2025, 3, 1);
    write(date, rows("a", 1));
    // What a run of the date killed between two renames leaves: its staging, with the old
    // data_quality partition moved aside and the new one not yet in place.
    Path dead = out.resolve("_staging/2025-03-01-dead");
    Files.createDirectories(dead.resolve("quarantine"));
    Files.move(
        out.resolve("data_quality/run_date=2025-03-01"), dead.resolve("replaced-data_quality"));
    Files.delete(out.resolve("_runs/run_date=2025-03-01.json"));
    Path otherDate = Files.createDirectories(out.resolve("_staging/2025-03-02-alive/quarantine"));
    List<String> notes;
    // A run of 2025-03-02 is alive: it holds its date's lock.
    try (RunLock alive =
        RunLock.acquire(out.toString(), LocalDate.of(2025, 3, 2), Duration.ofHours(24), hadoop())) {
      notes = RunRecovery.recover(out.toString(), date, hadoop());
    }
    assertThat(notes)
        .containsExactly(
            "put back "
                + fs().makeQualified(
                        new org.apache.hadoop.fs.Path(
                            out.resolve("data_quality/run_date=2025-03-01").toString()))
                + ", which a run that died had moved aside",
            "removed "
                + fs().makeQualified(new org.apache.hadoop.fs.Path(dead.toString()))
                + ", left by a run of 2025-03-01 that died",
            "run date 2025-03-01 has no manifest: an earlier run did not finish publishing it,"
                + " this run publishes every table again");
    assertThat(dead).doesNotExist();
    assertThat(otherDate).isDirectory();
    assertThat(spark.read().parquet(out.resolve("data_quality").toString()).count()).isEqualTo(1);
  }

  @Test
  void theReportIsPublishedWithTheTablesAndAReportMovedAsideIsPutBack() throws Exception {
    LocalDate date = LocalDate.of(2025, 3, 1);
    RunWriter writer = new RunWriter(out.toString(), date, hadoop());
    writer.stageRows(Table.DATA_QUALITY, rows("a", 1), 1);
    writer.stageReport(java.util.Map.of("index.html", "<p>run a</p>", "summary.md", "run a"));
    // Staged, not yet visible: a reader still sees no report of the date.
    assertThat(out.resolve("report")).doesNotExist();
    writer.publish();
    Path report = out.resolve("report/run_date=2025-03-01");
    assertThat(report.resolve("index.html")).hasContent("<p>run a</p>");
    try (Stream<Path> files = Files.list(report)) {
      // No .crc files beside the report: people open this folder.
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("index.html", "summary.md");
    }
    assertThat(RunManifest.read(fs(), new org.apache.hadoop.fs.Path(out.toString()), date).report())
        .isTrue();

    // A run of the date killed between moving the report aside and renaming its own into place.
    Path dead = Files.createDirectories(out.resolve("_staging/2025-03-01-dead"));
    Files.move(report, dead.resolve("replaced-report"));
    RunRecovery.recover(out.toString(), date, hadoop());
    assertThat(report.resolve("index.html")).hasContent("<p>run a</p>");
    assertThat(dead).doesNotExist();

    // A rerun without a report (rendering failed) leaves none: no earlier verdicts stay.
    RunWriter rerun = new RunWriter(out.toString(), date, hadoop());
    rerun.stageRows(Table.DATA_QUALITY, rows("b", 2), 1);
    rerun.publish();
    assertThat(report).doesNotExist();
    assertThat(RunManifest.read(fs(), new org.apache.hadoop.fs.Path(out.toString()), date).report())
        .isFalse();
  }

  /** What a report write of an earlier version, killed between its renames, left under report/. */
  @Test
  void recoveryCleansTheLeftoversOfAnEarlierVersionsReportWrites() throws Exception {
    LocalDate date = LocalDate.of(2025, 3, 1);
    write(date, rows("a", 1));
    Path root = out.resolve("report");
    Path aside = Files.createDirectories(root.resolve("_replaced-2025-03-01-x"));
    Files.writeString(aside.resolve("index.html"), "old report");
    Path staging = Files.createDirectories(root.resolve("_staging-2025-03-01-y"));
    Path otherDate = Files.createDirectories(root.resolve("_staging-2025-03-02-z"));
    List<String> notes = RunRecovery.recover(out.toString(), date, hadoop());
    assertThat(root.resolve("run_date=2025-03-01/index.html")).hasContent("old report");
    assertThat(aside).doesNotExist();
    assertThat(staging).doesNotExist();
    assertThat(otherDate).isDirectory();
    assertThat(notes)
        .anyMatch(
            n -> n.startsWith("put back ") && n.endsWith("which a report write had moved aside"))
        .anyMatch(n -> n.contains("_staging-2025-03-01-y, left by a report write that died"));
  }

  @Test
  void recoveryRemovesTheStagingOfADeadRunOfAnotherDate() throws Exception {
    LocalDate date = LocalDate.of(2025, 3, 2);
    LocalDate failed = LocalDate.of(2025, 3, 1);
    write(failed, rows("a", 1));
    // Last night's run of 2025-03-01 failed while staging (disk full): its lock is released, its
    // staging is left.
    Path dead = out.resolve("_staging/2025-03-01-dead");
    Files.createDirectories(dead.resolve("quarantine"));
    Files.writeString(dead.resolve("quarantine/part-0.parquet"), "half");
    // One of 2025-02-28 died half-way through publishing: its moved-aside partition is the only
    // copy of that date's data_quality, so it is left for that date's rerun, which puts it back.
    Path aside = Files.createDirectories(out.resolve("_staging/2025-02-28-dead/replaced-run_info"));
    assertThat(Files.exists(aside)).isTrue();

    List<String> notes = RunRecovery.recover(out.toString(), date, hadoop());
    assertThat(dead).doesNotExist();
    assertThat(aside).isDirectory();
    assertThat(notes)
        .containsExactlyInAnyOrder(
            "removed "
                + fs().makeQualified(new org.apache.hadoop.fs.Path(dead.toString()))
                + ", left by a run of 2025-03-01 that died",
            "left "
                + fs().makeQualified(
                        new org.apache.hadoop.fs.Path(
                            out.resolve("_staging/2025-02-28-dead").toString()))
                + ": a run of 2025-02-28 died while publishing it; rerun 2025-02-28 to repair"
                + " that date");
    assertThat(out.resolve("data_quality/run_date=2025-03-01")).isDirectory();
  }

  static Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }

  static FileSystem fs() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }
}
