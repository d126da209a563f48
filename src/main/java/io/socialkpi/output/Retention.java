package io.socialkpi.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code run.keep-runs}: after a run has published completely, deletes every run older than the
 * newest {@code keep} complete runs, whole: its manifest first (so from then on no reader counts
 * it), then its report and every table's partition of the date. A date is deleted holding its run
 * lock, so a run of that date in progress (a backfill) is left alone; a deletion killed half-way
 * leaves a date without a manifest, which no reader counts and the next retention finishes. Runs
 * newer than the oldest kept one (a newer run stopped by the data-quality gate, a date being
 * published) and the deleting run's own date are never touched.
 *
 * <p>A Delta table ({@code run.output-format = delta}) loses the date's rows by a DELETE commit,
 * through the active Spark session; its files stay on disk for time travel, as the job never runs
 * VACUUM (docs/TABLES.md, "Delta Lake output").
 */
public final class Retention {
  private Retention() {}

  /**
   * Applies retention to {@code output} after the run of {@code self} published.
   *
   * @return the run dates deleted, oldest first
   */
  @SuppressWarnings("try") // the lock is held through the block, never read in it
  public static List<LocalDate> apply(
      String output,
      LocalDate self,
      int keep,
      Duration lockStaleAfter,
      Configuration hadoop,
      Consumer<String> log) {
    if (keep < 1) {
      throw new IllegalArgumentException("run.keep-runs must be at least 1, found " + keep);
    }
    Path out = new Path(output);
    List<RunManifest> complete =
        PublishedRuns.all(output, hadoop).stream().filter(RunManifest::complete).toList();
    if (complete.size() <= keep) {
      return List.of();
    }
    LocalDate oldestKept = complete.get(complete.size() - keep).runDate();
    try {
      FileSystem fs = out.getFileSystem(hadoop);
      TreeSet<LocalDate> older = new TreeSet<>();
      for (RunManifest m : PublishedRuns.all(fs, out)) {
        older.add(m.runDate());
      }
      for (String name : RunRecovery.published()) {
        Path folder = new Path(out, name);
        // A Delta table keeps the folders of deleted dates (their files serve time travel): its
        // dates are the ones its log has rows of.
        older.addAll(
            DeltaLake.isTable(fs, folder)
                ? DeltaTables.dates(org.apache.spark.sql.SparkSession.active(), folder)
                : datesUnder(fs, folder));
      }
      older.removeIf(d -> !d.isBefore(oldestKept) || d.equals(self));
      List<LocalDate> deleted = new java.util.ArrayList<>();
      for (LocalDate date : older) {
        try (RunLock lock = RunLock.acquire(output, date, lockStaleAfter, hadoop)) {
          delete(fs, out, date);
          deleted.add(date);
        } catch (RunLockedException e) {
          log.accept(
              "kept run " + date + ": a run of that date is running (" + e.getMessage() + ")");
        }
      }
      if (!deleted.isEmpty()) {
        log.accept(
            "run.keep-runs = "
                + keep
                + ": deleted the runs of "
                + deleted
                + " (older than the run of "
                + oldestKept
                + ")");
      }
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("deleting old runs under " + output, e);
    }
  }

  /** The manifest first: a date half-deleted is then a date no reader counts. */
  private static void delete(FileSystem fs, Path out, LocalDate date) throws IOException {
    fs.delete(RunManifest.path(out, date), false);
    fs.delete(RunWriter.folder(out, RunWriter.REPORT, date), true);
    Map<Path, DeltaTables.Commit> deltaDeletes = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      Path folder = new Path(out, t.tableName());
      if (DeltaLake.isTable(fs, folder)) {
        deltaDeletes.put(folder, spark -> DeltaTables.deleteDate(spark, fs, folder, date));
      } else {
        fs.delete(RunWriter.partition(out, t, date), true);
      }
    }
    // Only Delta output loads DeltaTables (and Delta's classes).
    if (!deltaDeletes.isEmpty()) {
      DeltaTables.concurrently(
          org.apache.spark.sql.SparkSession.active(),
          "deleting the run of " + date + " from",
          deltaDeletes);
    }
  }

  private static List<LocalDate> datesUnder(FileSystem fs, Path folder) throws IOException {
    List<LocalDate> dates = new java.util.ArrayList<>();
    if (!fs.exists(folder)) {
      return dates;
    }
    for (FileStatus s : fs.listStatus(folder)) {
      String name = s.getPath().getName();
      if (s.isDirectory() && name.startsWith("run_date=")) {
        try {
          dates.add(LocalDate.parse(name.substring("run_date=".length())));
        } catch (DateTimeParseException e) {
          // Not a run's folder: left alone.
        }
      }
    }
    return dates;
  }
}
