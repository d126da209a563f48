package io.socialkpi.output;

import io.socialkpi.config.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a run's tables as Parquet under {@code <output>/<table>/run_date=D/}. Each table is first
 * written completely to {@code <output>/_staging/<run id>/} and then moved into place by one
 * directory rename, so a reader sees the old partition or the new one, never part of one, and other
 * dates are never touched. The partition column is in the path only (Hive style), which Spark,
 * DuckDB, pandas and Trino all read as a {@code run_date} column.
 *
 * <p>The run's report ({@code <output>/report/run_date=D/}, see {@link #stageReport}) is staged and
 * published the same way, with the tables, so it always describes the tables beside it.
 *
 * <p>Publishing deletes the date's {@link RunManifest} first and writes it after the last rename,
 * so a run killed between two renames leaves a date without a manifest; the next run of the date
 * (holding the {@link RunLock}) calls {@link RunRecovery#recover} and publishes every table again.
 *
 * <p>With {@link OutputFormat#DELTA} the tables are staged as Parquet the same way, but each is
 * published by replacing the date's rows of the Delta table {@code <output>/<table>/} in one commit
 * ({@link DeltaTables}) instead of a rename; the manifest protocol and the report are the same.
 */
public final class RunWriter {
  static final String STAGING = "_staging";
  static final String REPLACED = "replaced-";

  /** The folder of the reports, published beside the tables: {@code report/run_date=D/}. */
  public static final String REPORT = "report";

  private final Path output;
  private final LocalDate runDate;
  private final String runId;
  private final Path staging;
  private final FileSystem fs;
  private final OutputFormat format;
  // Tables are staged from several threads; kept in the tables' order, whatever order they finish.
  private final Map<Table, Path> staged = Collections.synchronizedMap(new EnumMap<>(Table.class));
  private Path stagedReport;
  // What the last publish published: the manifest's tables.
  private Set<Table> published = Set.of();

  /** A writer of Parquet tables. */
  public RunWriter(String output, LocalDate runDate, Configuration hadoop) {
    this(output, runDate, hadoop, OutputFormat.PARQUET);
  }

  /**
   * A writer of tables in {@code format}; for Delta, publishing uses the active Spark session,
   * which must have been built with Delta's extension ({@link DeltaLake#configure}).
   */
  public RunWriter(String output, LocalDate runDate, Configuration hadoop, OutputFormat format) {
    this.format = format;
    this.output = new Path(output);
    this.runDate = runDate;
    this.runId = runDate + "-" + UUID.randomUUID();
    this.staging = new Path(new Path(this.output, STAGING), runId);
    this.fs = fileSystem(this.output, hadoop);
  }

  public LocalDate runDate() {
    return runDate;
  }

  /** The output folder the run publishes under. */
  public Path output() {
    return output;
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
    return folder(output, table.tableName(), date);
  }

  /** {@code <output>/<name>/run_date=D}: a table's partition, or the report's folder. */
  static Path folder(Path output, String name, LocalDate date) {
    return new Path(new Path(output, name), "run_date=" + date);
  }

  /** Where this run's report ends up. */
  public Path reportFolder() {
    return folder(output, REPORT, runDate);
  }

  public OutputFormat format() {
    return format;
  }

  /**
   * This run's rows of {@code table} once published: its partition folder, or its date of the Delta
   * table.
   */
  public TableData data(Table table) {
    return format == OutputFormat.DELTA
        ? new TableData(new Path(output, table.tableName()), runDate)
        : TableData.parquet(partition(table));
  }

  /**
   * Whether the last {@link #publish} published {@code table} (the data-quality gate stops some).
   */
  public boolean published(Table table) {
    return published.contains(table);
  }

  /** Where {@code table} is staged, or null if this run has not staged it (yet). */
  public Path staged(Table table) {
    return staged.get(table);
  }

  /**
   * Writes the report's files (name to text) to staging; published with the tables. No {@code .crc}
   * files beside them on a local disk: people open this folder.
   */
  public void stageReport(Map<String, String> files) {
    Path target = new Path(staging, REPORT);
    // The raw file system under a checksummed one (the local disk) writes no .crc files; the
    // shared instance's setting is left alone, as Spark writes tables through it.
    FileSystem raw =
        fs instanceof org.apache.hadoop.fs.ChecksumFileSystem checked
            ? checked.getRawFileSystem()
            : fs;
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        try (java.io.OutputStream out = raw.create(new Path(target, f.getKey()), false)) {
          out.write(f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("staging the report under " + staging, e);
    }
    stagedReport = target;
  }

  /**
   * Writes {@code rows} to staging; {@code files} caps the number of Parquet files (0: as is).
   *
   * @throws IllegalStateException when the rows are not the table's definition: other columns,
   *     order or types (nullability aside, which Parquet drops)
   */
  public void stage(Table table, Dataset<Row> rows, int files) {
    // catalogString leaves nullability out.
    if (!rows.schema().catalogString().equals(table.schema().catalogString())) {
      throw new IllegalStateException(
          table.tableName()
              + " rows are "
              + rows.schema().catalogString()
              + ", not its definition "
              + table.schema().catalogString());
    }
    stageRows(table, rows, files);
  }

  /** As {@link #stage} without the definition check: publishing does not look inside tables. */
  void stageRows(Table table, Dataset<Row> rows, int files) {
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
    publish(lock, () -> {});
  }

  /**
   * As {@link #publish(RunLock)}, running {@code withdrawn} once the date's manifest is deleted and
   * before the first partition is replaced: for readers that do not read the manifests themselves
   * (the catalog's {@code _latest} views) to be moved off the date first.
   */
  public void publish(RunLock lock, Runnable withdrawn) {
    lock.checkHeld();
    publish(withdrawn);
  }

  void publish() {
    publish(() -> {});
  }

  void publish(Runnable withdrawn) {
    try {
      Path manifest = RunManifest.path(output, runDate);
      fs.delete(manifest, false);
      withdrawn.run();
      fs.mkdirs(staging);
      if (format == OutputFormat.DELTA) {
        replaceDelta();
      } else {
        for (Table table : Table.values()) {
          replace(table.tableName(), staged.get(table));
        }
      }
      // A run without a report of its own (report.enabled = false, or rendering failed) leaves
      // none, so no earlier run's verdicts stay beside its tables.
      replace(REPORT, stagedReport);
      RunManifest.of(runDate, runId, staged.keySet(), stagedReport != null).write(fs, output);
      published = Set.copyOf(staged.keySet());
      staged.clear();
      fs.delete(staging, true);
      deleteIfEmpty(fs, staging.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing the run's tables under " + output, e);
    }
  }

  /**
   * Publishes a report rendered again from the date's published tables ({@code report} command):
   * only the report folder is replaced and the manifest gains {@code report: true}. The caller
   * holds the date's lock, so no run of the date publishes meanwhile.
   */
  public void publishReport(RunLock lock) {
    lock.checkHeld();
    try {
      RunManifest manifest = RunManifest.read(fs, output, runDate);
      if (manifest == null || stagedReport == null) {
        throw new IllegalStateException(
            "no published run of " + runDate + " under " + output + " to put a report beside");
      }
      replace(REPORT, stagedReport);
      manifest.withReport().write(fs, output);
      fs.delete(staging, true);
      deleteIfEmpty(fs, staging.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing the report under " + output, e);
    }
  }

  /**
   * Makes {@code fresh} (null: nothing) the date's folder of {@code name}; the old folder is moved
   * into staging first, where {@link RunRecovery} finds it if the run dies before the next rename.
   */
  private void replace(String name, Path fresh) throws IOException {
    Path target = folder(output, name, runDate);
    Path old = null;
    if (fs.exists(target)) {
      old = new Path(staging, REPLACED + name);
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

  /**
   * Makes each table's staged rows (none: no rows) the date's rows of its Delta table: one commit
   * per table, so unlike a rename there is nothing to move aside and put back after a crash. The
   * commits are independent (the manifest, written after all of them, is what makes the date
   * whole), so they run concurrently ({@link DeltaTables#concurrently}).
   */
  private void replaceDelta() {
    Map<Path, DeltaTables.Commit> commits = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      Path folder = new Path(output, table.tableName());
      Path fresh = staged.get(table);
      commits.put(
          folder,
          fresh == null
              ? spark -> DeltaTables.deleteDate(spark, fs, folder, runDate)
              : spark -> DeltaTables.replaceDate(spark, folder, fresh, runDate));
    }
    DeltaTables.concurrently(SparkSession.active(), "publishing run " + runDate + " to", commits);
  }

  /** Another run of another date may be staging next to us: remove the folder only if empty. */
  static void deleteIfEmpty(FileSystem fs, Path dir) {
    try {
      if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
        fs.delete(dir, false);
      }
    } catch (IOException e) {
      // It filled up between the listing and the delete: it is that run's to clean.
    }
  }

  static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not move " + from + " to " + to);
    }
  }

  static FileSystem fileSystem(Path path, Configuration hadoop) {
    try {
      return path.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
