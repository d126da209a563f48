package io.socialkpi.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Brings a small result to the driver, with a cap on how many rows it may hold. */
public final class DriverRows {
  private DriverRows() {}

  /**
   * The rows of {@code rows}, or {@code max + 1} of them when it has more (the caller then keeps it
   * in Spark instead). Collected in one job whatever the partitioning: a limit collected directly
   * scans a few partitions at a time, one job each, so the run's job count would depend on the
   * data.
   */
  public static List<Row> atMost(Dataset<Row> rows, int max) {
    return rows.limit(max + 1).coalesce(1).collectAsList();
  }
}
