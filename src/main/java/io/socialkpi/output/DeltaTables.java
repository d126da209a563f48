package io.socialkpi.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.socialkpi.spark.Parallel;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The output tables as Delta Lake tables: one per output table at {@code <output>/<table>/},
 * partitioned by {@code run_date}. A date is replaced in one commit per table (an overwrite with
 * {@code replaceWhere} on its date), so a reader of the table sees the old run's rows or the new
 * run's and never a mix, on object stores too; the files an overwrite or delete removed stay on
 * disk for time travel until someone runs VACUUM (the job never does).
 *
 * <p>Only this class calls Delta's API, and only Delta output loads it: a Parquet run needs no
 * Delta jars ({@link DeltaLake}, which tells a Delta table by its log, uses none).
 */
final class DeltaTables {
  /** Commits tried when another writer (a run of another date) committed to the table first. */
  private static final int ATTEMPTS = 3;

  /** Tables {@link #concurrently} commits to at once; as many as a run stages at once. */
  static final int CONCURRENT_COMMITS = 3;

  /** One table's commit, for {@link #concurrently}. */
  interface Commit {
    void run(SparkSession spark) throws IOException;
  }

  private DeltaTables() {}

  /**
   * Runs one commit per table folder, {@link #CONCURRENT_COMMITS} at a time, and returns once every
   * one has ended. Commits to different tables are independent, and on a small table each is mostly
   * driver work (reading the log, planning, the commit itself): one after another, a publish's
   * seven took 4.7–9.3 s of a small run (docs/PERFORMANCE.md, "Delta publishing"). The first
   * failure is rethrown naming its table and what was being done ({@code doing}, e.g. "publishing
   * run 2026-01-01 to"), since a pool thread's stack no longer says; later ones are suppressed on
   * it.
   */
  static void concurrently(SparkSession spark, String doing, Map<Path, Commit> commits) {
    List<Runnable> tasks = new ArrayList<>();
    commits.forEach(
        (table, commit) ->
            tasks.add(
                () -> {
                  SparkSession.setActiveSession(spark);
                  try {
                    commit.run(spark);
                  } catch (Exception e) {
                    // Spark's AnalysisException, a checked exception, arrives undeclared.
                    throw new IllegalStateException(
                        doing + " the Delta table " + table + " failed: " + e.getMessage(), e);
                  }
                }));
    try (Parallel parallel = new Parallel(CONCURRENT_COMMITS, "socialkpi-delta")) {
      parallel.runAll(tasks);
    }
  }

  /** {@code date}'s rows of the Delta table at {@code table}, without the run_date column. */
  static Dataset<Row> read(SparkSession spark, Path table, LocalDate date) {
    return spark
        .read()
        .format("delta")
        .load(table.toString())
        .where(col("run_date").equalTo(lit(Date.valueOf(date))))
        .drop("run_date");
  }

  /**
   * Makes the Parquet folder {@code staged} (one run's rows of a table, without run_date) the rows
   * of {@code date} in the Delta table at {@code table}, creating the table on its first write.
   * Columns a newer version adds are added to the table ({@code mergeSchema}): older dates read
   * them as null.
   */
  static void replaceDate(SparkSession spark, Path table, Path staged, LocalDate date) {
    DeltaLake.requireExtension(spark);
    Dataset<Row> rows =
        spark.read().parquet(staged.toString()).withColumn("run_date", lit(Date.valueOf(date)));
    retrying(
        () ->
            rows.write()
                .format("delta")
                .mode(SaveMode.Overwrite)
                .option("replaceWhere", predicate(date))
                .option("mergeSchema", "true")
                .partitionBy("run_date")
                .save(table.toString()));
  }

  /** Deletes {@code date}'s rows from the Delta table at {@code table}, if there is one. */
  static void deleteDate(SparkSession spark, FileSystem fs, Path table, LocalDate date)
      throws IOException {
    if (!DeltaLake.isTable(fs, table)) {
      return;
    }
    DeltaLake.requireExtension(spark);
    retrying(() -> DeltaTable.forPath(spark, table.toString()).delete(predicate(date)));
  }

  /** The run dates the Delta table at {@code table} has rows of. */
  static List<LocalDate> dates(SparkSession spark, Path table) {
    return spark
        .read()
        .format("delta")
        .load(table.toString())
        .select("run_date")
        .distinct()
        .collectAsList()
        .stream()
        .map(r -> r.getDate(0).toLocalDate())
        .toList();
  }

  private static String predicate(LocalDate date) {
    return "run_date = DATE '" + date + "'";
  }

  /**
   * Runs of different dates may commit to one table at once. Their predicates touch disjoint
   * partitions, so Delta lets both commit, except when both create the table or change its schema:
   * then the loser's commit fails and is tried again over the winner's.
   */
  private static void retrying(Runnable commit) {
    for (int attempt = 1; ; attempt++) {
      try {
        commit.run();
        return;
      } catch (java.util.ConcurrentModificationException e) {
        // Delta's conflicts (ConcurrentAppendException, ...) all extend it.
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
