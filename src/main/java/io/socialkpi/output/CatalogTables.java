package io.socialkpi.output;

import io.socialkpi.config.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Registers a run's tables in the session's catalog so analysts find them by name: one external
 * Parquet table per output table over {@code <output>/<table>}, partitioned by {@code run_date},
 * and this run's partition added (a rerun's is already there). The files stay where the run wrote
 * them; dropping a table drops the name only. Columns a newer version adds are added to the table,
 * so older partitions read them as null. Each table also gets its {@code <table>_latest} view of
 * the newest complete run ({@link LatestViews}).
 *
 * <p>Delta output ({@link OutputFormat#DELTA}) registers each table as an external Delta table over
 * {@code <output>/<table>}: its log, not the catalog, lists the dates and the columns, so there are
 * no partitions to add or drop. The session needs Delta's catalog ({@link DeltaLake#configure}).
 */
public final class CatalogTables {
  private CatalogTables() {}

  public static void register(
      SparkSession spark, String database, RunWriter writer, Consumer<String> log) {
    String implementation = spark.conf().get("spark.sql.catalogImplementation", "in-memory");
    if (!"hive".equals(implementation)) {
      log.accept(
          "catalog is "
              + implementation
              + ": the names last as long as this job only"
              + " (spark.sql.catalogImplementation=hive keeps them in a metastore)");
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS " + quote(database));
    for (Table table : Table.values()) {
      if (writer.format() == OutputFormat.DELTA) {
        registerDelta(spark, database, writer, table, log);
        continue;
      }
      Path partition = qualified(spark, writer.partition(table));
      String name = quote(database) + "." + quote(table.tableName());
      if (partition == null) {
        // Not published by this run (stopped by the data-quality gate): an earlier run's
        // partition of the date, which publishing removed, leaves the catalog too.
        if (exists(spark, database, table.tableName())) {
          spark.sql(
              "ALTER TABLE "
                  + name
                  + " DROP IF EXISTS PARTITION (run_date = DATE "
                  + literal(writer.runDate().toString())
                  + ")");
          spark.sql("REFRESH TABLE " + name);
        }
        continue;
      }
      StructType schema = spark.read().parquet(partition.toString()).schema();
      if (!exists(spark, database, table.tableName())) {
        spark.sql(
            "CREATE TABLE "
                + name
                + " ("
                + schema.toDDL()
                + ", run_date DATE) USING parquet PARTITIONED BY (run_date) LOCATION "
                + literal(partition.getParent().toString()));
      } else {
        addNewColumns(spark, name, schema);
      }
      spark.sql(
          "ALTER TABLE "
              + name
              + " ADD IF NOT EXISTS PARTITION (run_date = DATE "
              + literal(writer.runDate().toString())
              + ") LOCATION "
              + literal(partition.toString()));
      // A rerun replaced the partition's files: a session that listed them before reads anew.
      spark.sql("REFRESH TABLE " + name);
      log.accept(String.format("%-22s %s.%s", table.tableName(), database, table.tableName()));
    }
    LatestViews.createInCatalog(spark, database, writer.output(), log);
  }

  /**
   * Registers {@code table}'s Delta table once; afterwards its log carries every run's rows, those
   * a gate-stopped run deleted included, so a REFRESH is all a later run needs.
   */
  private static void registerDelta(
      SparkSession spark, String database, RunWriter writer, Table table, Consumer<String> log) {
    String name = quote(database) + "." + quote(table.tableName());
    boolean exists = exists(spark, database, table.tableName());
    if (!exists && writer.published(table)) {
      Path folder = qualified(spark, writer.data(table).path());
      spark.sql("CREATE TABLE " + name + " USING delta LOCATION " + literal(folder.toString()));
    } else if (exists) {
      spark.sql("REFRESH TABLE " + name);
    }
    if (writer.published(table)) {
      log.accept(String.format("%-22s %s.%s", table.tableName(), database, table.tableName()));
    }
  }

  /**
   * Moves the {@code _latest} views off the date {@code writer} is about to publish, called once
   * its manifest is deleted and before its first partition is replaced ({@link
   * RunWriter#publish(RunLock, Runnable)}): they show the newest other complete run, or are dropped
   * when there is none, so that a query over them never mixes the date's old and new tables. The
   * views over the rerun are created again by {@link #register} after it publishes.
   */
  public static void withdraw(
      SparkSession spark, String database, RunWriter writer, Consumer<String> log) {
    if (!spark.catalog().databaseExists(database)) {
      return;
    }
    if (!LatestViews.createInCatalog(spark, database, writer.output(), line -> {})) {
      for (Table table : Table.values()) {
        spark.sql(
            "DROP VIEW IF EXISTS " + quote(database) + "." + quote(LatestViews.viewName(table)));
      }
      log.accept("no other complete run: the " + LatestViews.SUFFIX + " views are dropped");
    }
  }

  /**
   * Drops the partitions of run dates {@link Retention} deleted, from every registered Parquet
   * table (Delta tables lost those dates' rows by a commit; they have no catalog partitions).
   */
  public static void dropPartitions(
      SparkSession spark, String database, java.util.List<java.time.LocalDate> dates) {
    for (Table table : Table.values()) {
      if (!exists(spark, database, table.tableName())
          || "delta".equalsIgnoreCase(provider(spark, database, table))) {
        continue;
      }
      for (java.time.LocalDate date : dates) {
        spark.sql(
            "ALTER TABLE "
                + quote(database)
                + "."
                + quote(table.tableName())
                + " DROP IF EXISTS PARTITION (run_date = DATE "
                + literal(date.toString())
                + ")");
      }
    }
  }

  /** The registered table's provider (parquet, delta, hive), or null if unknown. */
  private static String provider(SparkSession spark, String database, Table table) {
    for (org.apache.spark.sql.Row r :
        spark
            .sql("DESCRIBE TABLE EXTENDED " + quote(database) + "." + quote(table.tableName()))
            .collectAsList()) {
      if ("Provider".equals(r.getString(0))) {
        return r.getString(1);
      }
    }
    return null;
  }

  private static void addNewColumns(SparkSession spark, String name, StructType schema) {
    Set<String> known = new HashSet<>(Arrays.asList(spark.table(name).schema().fieldNames()));
    StructType added = new StructType();
    for (StructField f : schema.fields()) {
      if (!known.contains(f.name())) {
        added = added.add(f);
      }
    }
    if (added.fields().length > 0) {
      spark.sql("ALTER TABLE " + name + " ADD COLUMNS (" + added.toDDL() + ")");
    }
  }

  /** The absolute form of a partition a location needs, or null if the run did not write it. */
  private static Path qualified(SparkSession spark, Path path) {
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(path) ? fs.makeQualified(path) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@code database.name} is a table or view of the session catalog (Spark 4 deprecates the
   * two-argument form for the multi-part name, quoted here as SQL parses it).
   */
  static boolean exists(SparkSession spark, String database, String name) {
    return spark.catalog().tableExists(quote(database) + "." + quote(name));
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
