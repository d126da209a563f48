package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.keep-runs}: only whole runs older than the newest kept complete runs are deleted; a
 * newer incomplete run, a date being published and a date whose run holds its lock are not.
 */
class RetentionTest {
  static final Configuration HADOOP = new Configuration();
  static final Duration STALE = Duration.ofMinutes(10);
  static SparkSession spark;
  @TempDir Path out;
  final List<String> log = new ArrayList<>();

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  static LocalDate day(int d) {
    return LocalDate.of(2025, 1, 10 + d);
  }

  /** Publishes a run of {@code date} with a report; {@code tables} empty: every table. */
  void publish(LocalDate date, Table... tables) {
    RunWriter writer = new RunWriter(out.toString(), date, HADOOP);
    for (Table t : tables.length == 0 ? Table.values() : tables) {
      writer.stageRows(t, spark.sql("SELECT '" + date + "' AS run"), 1);
    }
    writer.stageReport(Map.of("index.html", "report of " + date));
    writer.publish();
  }

  /** Every folder and manifest of {@code date} under the output. */
  List<Path> traces(LocalDate date) {
    List<Path> found = new ArrayList<>();
    for (String name : RunRecovery.published()) {
      Path p = out.resolve(name).resolve("run_date=" + date);
      if (Files.exists(p)) {
        found.add(p);
      }
    }
    Path manifest = out.resolve("_runs/run_date=" + date + ".json");
    if (Files.exists(manifest)) {
      found.add(manifest);
    }
    return found;
  }

  /** Everything a complete run with its report leaves: 7 partitions, the report, the manifest. */
  static final int WHOLE = Table.values().length + 2;

  @Test
  void onlyWholeRunsOlderThanTheNewestKeptCompleteRunsAreDeleted() throws Exception {
    publish(day(1));
    publish(day(2));
    publish(day(3), Table.DATA_QUALITY, Table.RUN_INFO, Table.QUARANTINE); // quality gate
    publish(day(4));
    publish(day(5), Table.DATA_QUALITY, Table.RUN_INFO, Table.QUARANTINE); // newer, incomplete
    publish(day(6));
    // Half-deleted by a retention that was killed: partitions without a manifest.
    publish(day(0));
    Files.delete(out.resolve("_runs/run_date=" + day(0) + ".json"));
    // Being published now: no manifest yet, newer than every kept run.
    publish(day(7));
    Files.delete(out.resolve("_runs/run_date=" + day(7) + ".json"));

    List<LocalDate> deleted = Retention.apply(out.toString(), day(6), 2, STALE, HADOOP, log::add);

    assertThat(deleted).containsExactly(day(0), day(1), day(2), day(3));
    for (LocalDate d : deleted) {
      assertThat(traces(d)).isEmpty();
    }
    assertThat(traces(day(4))).hasSize(WHOLE);
    assertThat(traces(day(5))).hasSize(3 + 2);
    assertThat(traces(day(6))).hasSize(WHOLE);
    assertThat(traces(day(7))).hasSize(WHOLE - 1);
    assertThat(log)
        .containsExactly(
            "run.keep-runs = 2: deleted the runs of "
                + deleted
                + " (older than the run of "
                + day(4)
                + ")");
    assertThat(out.resolve("_locks")).isEmptyDirectory();
  }

  @SuppressWarnings("try") // the lock is held through the block, never read in it
  @Test
  void aRunOfAnOldDateThatIsRunningKeepsItsDateAndTheRunningRunsOwnDateIsKept() {
    publish(day(1));
    publish(day(2));
    publish(day(3));
    publish(day(4));
    try (RunLock backfill = RunLock.acquire(out.toString(), day(1), STALE, HADOOP)) {
      // The run of day 2 is a backfill too: it never deletes its own date.
      List<LocalDate> deleted = Retention.apply(out.toString(), day(2), 1, STALE, HADOOP, log::add);
      assertThat(deleted).containsExactly(day(3));
    }
    assertThat(traces(day(1))).hasSize(WHOLE);
    assertThat(traces(day(2))).hasSize(WHOLE);
    assertThat(traces(day(3))).isEmpty();
    assertThat(log.get(0)).startsWith("kept run " + day(1) + ": a run of that date is running");
  }

  @Test
  void fewerCompleteRunsThanKeptDeletesNothing() {
    publish(day(1));
    publish(day(2), Table.DATA_QUALITY);
    assertThat(Retention.apply(out.toString(), day(2), 1, STALE, HADOOP, log::add)).isEmpty();
    assertThat(traces(day(1))).hasSize(WHOLE);
    assertThat(log).isEmpty();
  }
}
