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
import io.socialkpi.source.SourceQuality;
import io.socialkpi.source.SourceScan;
import java.sql.Date;
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
 * Completes the observed window values of every source into the {@code window_metrics} table: every
 * (entity, metric) of a source gets every window from the source's first to its last window, and a
 * window without observations is explicit: {@code n_obs = 0} and a value of 0 for {@link
 * GapPolicy#ZERO} metrics (counts, sums of flows) or null for {@link GapPolicy#MISSING} (levels and
 * means). A window at either end that the source's data covers only in part is flagged {@code
 * complete = false}, so a half week does not look like a drop. All sources go through one plan.
 */
public final class WindowMetrics {
  private static final StructType METRICS =
      new StructType()
          .add("metric", DataTypes.StringType)
          .add("aggregate", DataTypes.StringType)
          .add("gap_zero", DataTypes.BooleanType);
  private static final StructType COVERAGE =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("first_date", DataTypes.DateType)
          .add("last_date", DataTypes.DateType);

  private WindowMetrics() {}

  public static Dataset<Row> complete(SparkSession spark, List<SourceScan> scans, WindowUnit unit) {
    List<Row> metrics = new ArrayList<>();
    List<Row> coverage = new ArrayList<>();
    Dataset<Row> observed = null;
    for (SourceScan scan : scans) {
      for (MetricSpec m : scan.source().metrics()) {
        metrics.add(RowFactory.create(m.id(), m.aggregate().key(), m.gap() == GapPolicy.ZERO));
      }
      SourceQuality q = scan.quality();
      coverage.add(RowFactory.create(q.source(), date(q.firstDate()), date(q.lastDate())));
      observed = observed == null ? scan.windowValues() : observed.unionByName(scan.windowValues());
    }
    Dataset<Row> ranges =
        observed
            .groupBy("source")
            .agg(min(col("window_start")).as("first"), max(col("window_start")).as("last"));
    Dataset<Row> grid =
        observed
            .select("source", "entity", "metric")
            .distinct()
            .join(ranges, "source")
            .select(
                col("source"),
                col("entity"),
                col("metric"),
                explode(sequence(col("first"), col("last"), WindowColumns.step(unit)))
                    .as("window_start"));
    Column start = col("window_start");
    Column nObs = coalesce(col("n_obs"), lit(0L));
    Column end = WindowColumns.end(start, unit);
    return grid.join(observed, new String[] {"source", "entity", "metric", "window_start"}, "left")
        .join(broadcast(spark.createDataFrame(metrics, METRICS)), "metric")
        .join(broadcast(spark.createDataFrame(coverage, COVERAGE)), "source")
        .select(
            col("source"),
            col("entity"),
            start.as("window_start"),
            end.as("window_end"),
            col("metric"),
            col("aggregate"),
            when(col("gap_zero"), coalesce(col("value"), lit(0.0)))
                .otherwise(when(nObs.gt(0), col("value")))
                .as("value"),
            nObs.as("n_obs"),
            coalesce(start.geq(col("first_date")).and(end.leq(col("last_date"))), lit(false))
                .as("complete"));
  }

  private static Date date(java.time.LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
