package io.socialkpi.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a run's tables as Parquet under {@code <output>/<table>/run_date=D/}. Each table is first
 * written to {@code <output>/_staging/<run id>/} and then moved into place by renames, so a rerun
 * of the same run date replaces only that date's partitions and other dates are never touched. The
 * partition column is in the path only (Hive style), which Spark, DuckDB, pandas and Trino all read
 * as a {@code run_date} column.
 */
public final class RunWriter {
  private final Path output;
  private final LocalDate runDate;
  private final Path staging;
  private final FileSystem fs;
  private final Map<Table, Path> staged = new LinkedHashMap<>();

  public RunWriter(String output, LocalDate runDate, Configuration hadoop) {
    this.output = new Path(output);
    this.runDate = runDate;
    this.staging = new Path(this.output, "_staging/" + runDate + "-" + UUID.randomUUID());
    try {
      this.fs = this.output.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LocalDate runDate() {
    return runDate;
  }

  /** Where {@code table}'s partition of this run ends up. */
  public Path partition(Table table) {
    return new Path(new Path(output, table.tableName()), "run_date=" + runDate);
  }

  /** Writes {@code rows} to staging; {@code files} caps the number of Parquet files (0: as is). */
  public void stage(Table table, Dataset<Row> rows, int files) {
    Path target = new Path(staging, table.tableName());
    Dataset<Row> out = files > 0 ? rows.coalesce(files) : rows;
    out.write().mode(SaveMode.ErrorIfExists).parquet(target.toString());
    staged.put(table, target);
  }

  /** Moves every staged table into its run-date partition, replacing an earlier one. */
  public void publish() {
    try {
      for (Map.Entry<Table, Path> e : staged.entrySet()) {
        Path finalPath = partition(e.getKey());
        fs.mkdirs(finalPath.getParent());
        Path old = null;
        if (fs.exists(finalPath)) {
          old = new Path(staging, "replaced-" + e.getKey().tableName());
          rename(finalPath, old);
        }
        rename(e.getValue(), finalPath);
        if (old != null) {
          fs.delete(old, true);
        }
      }
      staged.clear();
      fs.delete(staging, true);
      Path stagingRoot = staging.getParent();
      // Another run of another date may be staging next to us: remove the folder only if empty.
      if (fs.exists(stagingRoot) && fs.listStatus(stagingRoot).length == 0) {
        fs.delete(stagingRoot, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("publishing the run's tables under " + output, e);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not move " + from + " to " + to);
    }
  }
}
