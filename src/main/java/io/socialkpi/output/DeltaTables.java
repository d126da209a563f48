package io.socialkpi.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
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

  private DeltaTables() {}

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
