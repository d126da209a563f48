package io.socialkpi.output;

import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code <table>_latest} views: each table's rows of the newest complete run only (the newest
 * run date whose {@link RunManifest} says every table was published), so a BI tool that reads a
 * table without filtering on {@code run_date} does not count every run's snapshot of history. A
 * date being published, one whose run died half-way (no manifest) and one stopped by the
 * data-quality gate ({@code complete = false}) are never the latest. The view keeps the {@code
 * run_date} column, so a reader can see which run it shows.
 *
 * <p>{@code jobs/socialkpi sql --output} registers them as temporary views; a run with {@code
 * catalog.database} set creates them in the catalog ({@code CREATE OR REPLACE VIEW}), pointing at
 * the newest complete run as of that run's publish.
 */
public final class LatestViews {
  public static final String SUFFIX = "_latest";

  private LatestViews() {}

  public static String viewName(Table table) {
    return table.tableName() + SUFFIX;
  }

  /**
   * Registers each table's latest view as a temporary view of {@code spark}, reading the newest
   * complete run's partitions directly.
   *
   * @return the newest complete run, or empty (then no view is registered)
   */
  public static Optional<RunManifest> registerTemporary(SparkSession spark, String output) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Optional<RunManifest> latest = PublishedRuns.latestComplete(output, hadoop);
    if (latest.isEmpty()) {
      return latest;
    }
    Path out = new Path(output);
    for (Table table : Table.values()) {
      TableData data = published(out, table, latest.get().runDate(), hadoop);
      if (data != null) {
        data.read(spark)
            .withColumn("run_date", lit(java.sql.Date.valueOf(latest.get().runDate())))
            .createOrReplaceTempView(viewName(table));
      }
    }
    return latest;
  }

  /**
   * Creates or replaces {@code database.<table>_latest} over the registered tables, after making
   * sure the newest complete run's partition is registered (a run from before the catalog was
   * configured has not registered its own).
   *
   * @return false when there is no complete run (the views are left as they are)
   */
  static boolean createInCatalog(
      SparkSession spark, String database, Path output, Consumer<String> log) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Optional<RunManifest> latest = PublishedRuns.latestComplete(output.toString(), hadoop);
    if (latest.isEmpty()) {
      log.accept("no complete run yet: the " + SUFFIX + " views are left as they are");
      return false;
    }
    String date = CatalogTables.literal(latest.get().runDate().toString());
    for (Table table : Table.values()) {
      TableData data = published(output, table, latest.get().runDate(), hadoop);
      if (!CatalogTables.exists(spark, database, table.tableName()) || data == null) {
        continue;
      }
      String name = CatalogTables.quote(database) + "." + CatalogTables.quote(table.tableName());
      if (!data.delta()) {
        // A Delta table has no partitions in the catalog: its log lists every date's files.
        spark.sql(
            "ALTER TABLE "
                + name
                + " ADD IF NOT EXISTS PARTITION (run_date = DATE "
                + date
                + ") LOCATION "
                + CatalogTables.literal(qualified(data.path(), hadoop).toString()));
      }
      spark.sql(
          "CREATE OR REPLACE VIEW "
              + CatalogTables.quote(database)
              + "."
              + CatalogTables.quote(viewName(table))
              + " AS SELECT * FROM "
              + name
              + " WHERE run_date = DATE "
              + date);
      log.accept(
          String.format(
              "%-22s %s.%s (run %s)",
              viewName(table), database, viewName(table), latest.get().runDate()));
    }
    return true;
  }

  /** The published rows of the run, as Parquet or Delta, whichever the table was written in. */
  private static TableData published(
      Path output, Table table, java.time.LocalDate date, Configuration hadoop) {
    try {
      return TableData.published(output.getFileSystem(hadoop), output, table, date);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path qualified(Path path, Configuration hadoop) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      return fs.makeQualified(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
