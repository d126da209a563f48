package io.socialkpi.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Benjamini–Hochberg q-values over all correlation tests of a run, in Spark: rank the m p-values,
 * take {@code p * m / rank}, then the running minimum from the largest p down, capped at 1. Tests
 * without a p-value get no q-value and do not count in m. Matches R's {@code p.adjust(p, "BH")}.
 */
final class QValues {
  private QValues() {}

  static Dataset<Row> add(Dataset<Row> correlations) {
    Column p = col("p_value");
    // A single ordering over the whole run is what BH needs; the table is small next to the panel.
    WindowSpec ascending =
        Window.orderBy(
            p.asc_nulls_last(),
            col("objective_id"),
            col("entity"),
            col("lead_metric"),
            col("lag"),
            col("method"),
            col("transform"));
    WindowSpec all = Window.partitionBy(lit(1));
    Dataset<Row> ranked =
        correlations
            .withColumn("_m", count(p).over(all))
            .withColumn("_rank", row_number().over(ascending))
            .withColumn("_raw", p.multiply(col("_m")).divide(col("_rank")));
    WindowSpec fromTop =
        Window.orderBy(col("_rank").desc())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return ranked
        .withColumn("q_value", when(p.isNotNull(), least(min(col("_raw")).over(fromTop), lit(1.0))))
        .drop("_m", "_rank", "_raw");
  }
}
