package io.socialkpi;

import org.apache.spark.sql.SparkSession;

/**
 * The local SparkSession tests share: {@code local[2]}, no UI, loopback, few shuffle partitions and
 * the UTC session zone the pipeline runs with. One SparkContext per JVM, so every test class gets
 * the same session.
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
        .getOrCreate();
  }
}
