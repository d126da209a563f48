package io.socialkpi.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a run's tables as Parquet under {@code <output>/<table>/run_date=D/}. Each table is first
 * written completely to {@code <output>/_staging/<run id>/} and then moved into place by one
 * directory rename, so a reader sees the old partition or the new one, never part of one, and other
 * dates are never touched. The partition column is in the path only (Hive style), which Spark,
 * DuckDB, pandas and Trino all read as a {@code run_date} column.
 *
 * <p>Publishing deletes the date's {@link RunManifest} first and writes it after the last rename,
 * so a run killed between two renames leaves a date without a manifest; the next run of the date
 * (holding the {@link RunLock}) calls {@link #recover} and publishes every table again.
 */
public final class RunWriter {
  static final String STAGING = "_staging";
  static final String REPLACED = "replaced-";

  private final Path output;
  private final LocalDate runDate;
  private final String runId;
  private final Path staging;
  private final FileSystem fs;
  // Tables are staged from several threads; kept in the tables' order, whatever order they finish.
  private final Map<Table, Path> staged = Collections.synchronizedMap(new EnumMap<>(Table.class));

  public RunWriter(String output, LocalDate runDate, Configuration hadoop) {
    this.output = new Path(output);
    this.runDate = runDate;
    this.runId = runDate + "-" + UUID.randomUUID();
    this.staging = new Path(new Path(this.output, STAGING), runId);
    this.fs = fileSystem(this.output, hadoop);
  }

  public LocalDate runDate() {
    return runDate;
  }

  /** The run's id: its staging folder's name and the {@code run_id} of its manifest. */
  public String runId() {
    return runId;
  }

  /** Where {@code table}'s partition of this run ends up. */
  public Path partition(Table table) {
    return partition(output, table, runDate);
  }

  static Path partition(Path output, Table table, LocalDate date) {
    return new Path(new Path(output, table.tableName()), "run_date=" + date);
  }

  /** Writes {@code rows} to staging; {@code files} caps the number of Parquet files (0: as is). */
  public void stage(Table table, Dataset<Row> rows, int files) {
    Path target = new Path(staging, table.tableName());
    Dataset<Row> out = files > 0 ? rows.coalesce(files) : rows;
    out.write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
    staged.put(table, target);
  }

  /**
   * Makes the staged tables the run date's partitions, after checking that this run still holds
   * {@code lock} ({@link RunLock#checkHeld}; a run that lost it publishes nothing). A table this
   * run did not stage (a run stopped by the data-quality gate) loses its partition of the date, so
   * all of a date's partitions always come from one run.
   */
  public void publish(RunLock lock) {
    lock.checkHeld();
    publish();
  }

  void publish() {
    try {
      Path manifest = RunManifest.path(output, runDate);
      fs.delete(manifest, false);
      fs.mkdirs(staging);
      for (Table table : Table.values()) {
        Path target = partition(table);
        Path fresh = staged.get(table);
        Path old = null;
        if (fs.exists(target)) {
          old = new Path(staging, REPLACED + table.tableName());
          rename(fs, target, old);
        }
        if (fresh != null) {
          fs.mkdirs(target.getParent());
          rename(fs, fresh, target);
        }
        if (old != null) {
          fs.delete(old, true);
        }
      }
      RunManifest.of(runDate, runId, staged.keySet()).write(fs, output);
      staged.clear();
      fs.delete(staging, true);
      deleteIfEmpty(fs, staging.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing the run's tables under " + output, e);
    }
  }

  /**
   * Cleans up after earlier runs that died: a partition such a run of {@code runDate} had moved
   * aside and not yet replaced is moved back, and its staging folder is deleted. Only for the
   * holder of the date's {@link RunLock}: any other staging folder of the date belongs to a dead
   * run.
   *
   * <p>A staging folder of another date whose lock file is gone belongs to a dead run too (a run
   * takes its date's lock before it stages anything and deletes its staging before it lets the lock
   * go), so it is deleted, unless it holds a partition moved aside while publishing: that is the
   * only copy of the old partition, and the rerun of that date puts it back.
   *
   * @return what was done, one line each
   */
  public static List<String> recover(String output, LocalDate runDate, Configuration hadoop) {
    Path out = new Path(output);
    FileSystem fs = fileSystem(out, hadoop);
    List<String> notes = new ArrayList<>();
    try {
      Path root = new Path(out, STAGING);
      FileStatus[] runs = fs.exists(root) ? fs.listStatus(root) : new FileStatus[0];
      for (FileStatus run : runs) {
        if (!run.isDirectory()) {
          continue;
        }
        if (!run.getPath().getName().startsWith(runDate + "-")) {
          removeIfDead(fs, output, run.getPath(), notes);
          continue;
        }
        for (Table table : Table.values()) {
          Path aside = new Path(run.getPath(), REPLACED + table.tableName());
          Path target = partition(out, table, runDate);
          if (fs.exists(aside) && !fs.exists(target)) {
            rename(fs, aside, target);
            notes.add(
                "put back " + fs.makeQualified(target) + ", which a run that died had moved aside");
          }
        }
        fs.delete(run.getPath(), true);
        notes.add("removed " + run.getPath() + ", left by a run of " + runDate + " that died");
      }
      deleteIfEmpty(fs, root);
      if (!fs.exists(RunManifest.path(out, runDate)) && anyPartition(fs, out, runDate)) {
        notes.add(
            "run date "
                + runDate
                + " has no manifest: an earlier run did not finish publishing it, this run"
                + " publishes every table again");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning up after earlier runs under " + output, e);
    }
    return notes;
  }

  /** Removes the staging folder {@code run} of another date if its run is dead (see recover). */
  private static void removeIfDead(FileSystem fs, String output, Path run, List<String> notes)
      throws IOException {
    String name = run.getName();
    LocalDate date;
    try {
      date = LocalDate.parse(name.length() > 10 ? name.substring(0, 10) : name);
    } catch (java.time.format.DateTimeParseException e) {
      return;
    }
    if (name.length() < 12 || name.charAt(10) != '-') {
      return;
    }
    if (fs.exists(RunLock.path(output, date))) {
      return;
    }
    for (FileStatus entry : fs.listStatus(run)) {
      if (entry.getPath().getName().startsWith(REPLACED)) {
        notes.add(
            "left "
                + run
                + ": a run of "
                + date
                + " died while publishing it; rerun "
                + date
                + " to repair that date");
        return;
      }
    }
    fs.delete(run, true);
    notes.add("removed " + run + ", left by a run of " + date + " that died");
  }

  private static boolean anyPartition(FileSystem fs, Path out, LocalDate date) throws IOException {
    for (Table table : Table.values()) {
      if (fs.exists(partition(out, table, date))) {
        return true;
      }
    }
    return false;
  }

  /** Another run of another date may be staging next to us: remove the folder only if empty. */
  private static void deleteIfEmpty(FileSystem fs, Path dir) {
    try {
      if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
        fs.delete(dir, false);
      }
    } catch (IOException e) {
      // It filled up between the listing and the delete: it is that run's to clean.
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not move " + from + " to " + to);
    }
  }

  private static FileSystem fileSystem(Path path, Configuration hadoop) {
    try {
      return path.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
