package io.socialkpi.panel;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.calendar.WindowColumns;
import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Completes a source's observed window values into the {@code window_metrics} table: every entity
 * of the source gets every window from the source's first to its last window, and a window without
 * observations is explicit: {@code n_obs = 0} and a value of 0 for {@link GapPolicy#ZERO} metrics
 * (counts, sums of flows) or null for {@link GapPolicy#MISSING} (levels and means).
 */
public final class WindowMetrics {
  private static final StructType POLICY =
      new StructType()
          .add("metric", DataTypes.StringType)
          .add("gap_zero", DataTypes.BooleanType)
          .add("aggregate", DataTypes.StringType);

  private WindowMetrics() {}

  /**
   * @param observed rows of (source, entity, window_start, metric, value, n_obs) for one source
   */
  public static Dataset<Row> complete(
      SparkSession spark,
      SourceSpec source,
      Dataset<Row> observed,
      WindowUnit unit,
      java.time.LocalDate firstDate,
      java.time.LocalDate lastDate) {
    Dataset<Row> range =
        observed.agg(min(col("window_start")).as("first"), max(col("window_start")).as("last"));
    Dataset<Row> windows =
        range
            .filter(col("first").isNotNull())
            .select(
                explode(sequence(col("first"), col("last"), WindowColumns.step(unit)))
                    .as("window_start"));
    Dataset<Row> entities = observed.select(col("entity")).distinct();
    List<Row> policies = new ArrayList<>();
    for (MetricSpec m : source.metrics()) {
      policies.add(RowFactory.create(m.id(), m.gap() == GapPolicy.ZERO, m.aggregate().key()));
    }
    Dataset<Row> metrics = spark.createDataFrame(policies, POLICY);
    Dataset<Row> grid = entities.crossJoin(windows).crossJoin(broadcast(metrics));
    Dataset<Row> joined =
        grid.join(
            observed.drop("source"), new String[] {"entity", "window_start", "metric"}, "left");
    Column start = col("window_start");
    Column nObs = coalesce(col("n_obs"), lit(0L));
    return joined.select(
        lit(source.name()).as("source"),
        col("entity"),
        start.as("window_start"),
        WindowColumns.end(start, unit).as("window_end"),
        col("metric"),
        col("aggregate"),
        when(col("gap_zero"), coalesce(col("value"), lit(0.0)))
            .otherwise(when(nObs.gt(0), col("value")))
            .as("value"),
        nObs.as("n_obs"),
        covered(start, unit, firstDate, lastDate).as("complete"));
  }

  /** A window is complete when the source's data covers all of its days. */
  private static Column covered(
      Column start, WindowUnit unit, java.time.LocalDate first, java.time.LocalDate last) {
    if (first == null || last == null) {
      return lit(false);
    }
    return start
        .geq(lit(java.sql.Date.valueOf(first)))
        .and(WindowColumns.end(start, unit).leq(lit(java.sql.Date.valueOf(last))));
  }
}
