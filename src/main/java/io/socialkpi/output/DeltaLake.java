package io.socialkpi.output;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * What Delta Lake output ({@code run.output-format = delta}) needs from the JVM and the Spark
 * session: Delta's jars on the classpath (they are not in the job jar: see the pom) and its SQL
 * extension and catalog, which are static settings, so they are set when the session is built and
 * never on a running one. It names Delta's classes only as strings, so any run may load it.
 */
public final class DeltaLake {
  /** The Maven coordinate of the Delta build for Spark 4.2 and Scala 2.13. */
  public static final String PACKAGE = "io.delta:delta-spark_4.2_2.13:4.4.0";

  static final String EXTENSIONS_KEY = "spark.sql.extensions";
  static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String CATALOG_KEY = "spark.sql.catalog.spark_catalog";
  static final String CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

  static final String SNAPSHOT_PARTITIONS_KEY = "spark.databricks.delta.snapshotPartitions";

  /** The folder of a Delta table's transaction log: its presence makes a folder a Delta table. */
  static final String LOG = "_delta_log";

  private DeltaLake() {}

  /** Whether {@code folder} is a Delta table (has a transaction log). */
  static boolean isTable(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path folder)
      throws java.io.IOException {
    return fs.exists(new org.apache.hadoop.fs.Path(folder, LOG));
  }

  /** Whether Delta's extension and table API can be loaded by {@code loader}. */
  public static boolean onClasspath(ClassLoader loader) {
    for (String name : List.of(EXTENSION, CATALOG, "io.delta.tables.DeltaTable")) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
    return true;
  }

  /** What to tell someone whose classpath lacks Delta, after {@code what} ("... needs Delta"). */
  public static String missing(String what) {
    return what
        + " needs Delta Lake, which is not on the classpath: add it to spark-submit with"
        + " --packages "
        + PACKAGE
        + " (or --jars with delta-spark_4.2_2.13, delta-storage and the delta-kernel jars of"
        + " 4.4.0); jobs/socialkpi has it in target/lib once `mvn package` has run";
  }

  /**
   * Adds Delta's SQL extension to {@code conf} (after any the submit command or config set) and
   * makes Delta's catalog the session catalog unless another one was chosen: with another session
   * catalog, path-based Delta reads and writes still work, only {@code catalog.database}
   * registration needs Delta's.
   */
  public static void configure(SparkConf conf) {
    List<String> extensions = new ArrayList<>();
    for (String e : conf.get(EXTENSIONS_KEY, "").split(",", -1)) {
      if (!e.isBlank()) {
        extensions.add(e.trim());
      }
    }
    if (!extensions.contains(EXTENSION)) {
      extensions.add(EXTENSION);
    }
    conf.set(EXTENSIONS_KEY, String.join(",", extensions));
    conf.setIfMissing(CATALOG_KEY, CATALOG);
    // Delta rebuilds a table's state from its log before every commit and read, by default in 50
    // tasks. A run's tables get one commit a day (a few files each), so their logs are tiny and 50
    // tasks are fixed cost only; a few suffice for years of runs.
    conf.setIfMissing(SNAPSHOT_PARTITIONS_KEY, "2");
  }

  /**
   * Fails unless {@code spark} was built with Delta's extension ({@link #configure}): Delta's
   * DELETE and its table API refuse a session without it, and half a publish is worse than none.
   */
  static void requireExtension(SparkSession spark) {
    String extensions = spark.sparkContext().getConf().get(EXTENSIONS_KEY, "");
    if (!List.of(extensions.split(",")).stream().map(String::trim).toList().contains(EXTENSION)) {
      throw new IllegalStateException(
          "Delta output needs a Spark session built with "
              + EXTENSIONS_KEY
              + "="
              + EXTENSION
              + " and "
              + CATALOG_KEY
              + "="
              + CATALOG
              + " (SparkSessions sets them for run.output-format = delta)");
    }
  }
}
