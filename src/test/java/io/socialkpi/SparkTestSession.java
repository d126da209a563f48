package io.socialkpi;

import org.apache.spark.sql.SparkSession;

/**
 * The local SparkSession tests share: {@code local[2]}, no UI, loopback, few shuffle partitions and
 * the UTC session zone the pipeline runs with. One SparkContext per JVM, so every test class gets
 * the same session. The generated-code cache holds 5,000 classes rather than 100: one nightly run
 * compiles about 350, so with the default every run compiled them all again; now a run whose plans
 * an earlier test already ran (the same config shape) reuses them, about a quarter less CPU.
 */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static SparkSession get() {
    return builder().getOrCreate();
  }

  /**
   * A session with Delta Lake's SQL extension and catalog, for tests of {@code run.output-format =
   * delta}. They are static settings, so a plain session running in this JVM is stopped first; call
   * {@link #stopDelta} after the class, so the classes after it get a plain session again.
   */
  public static SparkSession delta() {
    SparkSession running = SparkSession.getDefaultSession().getOrElse(() -> null);
    if (running != null && !hasDelta(running)) {
      running.stop();
    }
    return builder()
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .getOrCreate();
  }

  /** Stops the session {@link #delta} built, if it is running. */
  public static void stopDelta() {
    SparkSession running = SparkSession.getDefaultSession().getOrElse(() -> null);
    if (running != null && hasDelta(running)) {
      running.stop();
    }
  }

  private static boolean hasDelta(SparkSession spark) {
    return spark.sparkContext().getConf().get("spark.sql.extensions", "").contains("delta");
  }

  private static SparkSession.Builder builder() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("socialkpi-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.codegen.cache.maxEntries", "5000")
        // As a small run's sizing does (DataSizing): tests' queries run on a few rows, where
        // generating and compiling code per query cost more than it saved. Generated code, which
        // runs above 128 MB of input, is tested by SmallAndLargePathsTest's large runs; with
        // -Dspark.sql.codegen.factoryMode=FALLBACK -Dspark.sql.codegen.wholeStage=true on the
        // Maven command every test uses it (docs/PERFORMANCE.md, "CI").
        .config(
            "spark.sql.codegen.factoryMode",
            System.getProperty("spark.sql.codegen.factoryMode", "NO_CODEGEN"))
        .config(
            "spark.sql.codegen.wholeStage",
            System.getProperty("spark.sql.codegen.wholeStage", "false"));
  }
}
