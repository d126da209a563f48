package io.socialkpi.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Cleans up what runs that died while writing or publishing ({@link RunWriter}) left under an
 * output: staging folders, and partitions or reports moved aside and not yet replaced.
 */
public final class RunRecovery {
  private RunRecovery() {}

  /** The folders a run publishes per date: every table's and the report's. */
  static List<String> published() {
    List<String> names = new ArrayList<>();
    for (Table t : Table.values()) {
      names.add(t.tableName());
    }
    names.add(RunWriter.REPORT);
    return names;
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
    FileSystem fs = RunWriter.fileSystem(out, hadoop);
    List<String> notes = new ArrayList<>();
    try {
      Path root = new Path(out, RunWriter.STAGING);
      FileStatus[] runs = fs.exists(root) ? fs.listStatus(root) : new FileStatus[0];
      for (FileStatus run : runs) {
        if (!run.isDirectory()) {
          continue;
        }
        if (!run.getPath().getName().startsWith(runDate + "-")) {
          removeIfDead(fs, output, run.getPath(), notes);
          continue;
        }
        for (String name : published()) {
          Path aside = new Path(run.getPath(), RunWriter.REPLACED + name);
          Path target = RunWriter.folder(out, name, runDate);
          if (fs.exists(aside) && !fs.exists(target)) {
            RunWriter.rename(fs, aside, target);
            notes.add(
                "put back " + fs.makeQualified(target) + ", which a run that died had moved aside");
          }
        }
        fs.delete(run.getPath(), true);
        notes.add("removed " + run.getPath() + ", left by a run of " + runDate + " that died");
      }
      RunWriter.deleteIfEmpty(fs, root);
      legacyReportLeftovers(fs, out, runDate, notes);
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

  /**
   * Versions before reports were published by {@link RunWriter} wrote them through their own
   * renames: {@code report/_staging-D-<id>/} and, for the moment between two renames, the old
   * report moved to {@code report/_replaced-D-<id>/}. What a killed write of {@code runDate} left
   * is cleaned here: the old report is put back when {@code report/run_date=D} is missing, the rest
   * deleted. (Undated names from older versions still are left: their date is unknown.)
   */
  private static void legacyReportLeftovers(
      FileSystem fs, Path out, LocalDate runDate, List<String> notes) throws IOException {
    Path root = new Path(out, RunWriter.REPORT);
    if (!fs.exists(root)) {
      return;
    }
    Path target = RunWriter.folder(out, RunWriter.REPORT, runDate);
    for (FileStatus entry : fs.listStatus(root)) {
      String name = entry.getPath().getName();
      boolean replaced = name.startsWith("_replaced-" + runDate + "-");
      if (!replaced && !name.startsWith("_staging-" + runDate + "-")) {
        continue;
      }
      if (replaced && !fs.exists(target)) {
        RunWriter.rename(fs, entry.getPath(), target);
        notes.add(
            "put back " + fs.makeQualified(target) + ", which a report write had moved aside");
      } else {
        fs.delete(entry.getPath(), true);
        notes.add("removed " + entry.getPath() + ", left by a report write that died");
      }
    }
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
      if (entry.getPath().getName().startsWith(RunWriter.REPLACED)) {
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
      if (fs.exists(RunWriter.partition(out, table, date))) {
        return true;
      }
    }
    return false;
  }
}
