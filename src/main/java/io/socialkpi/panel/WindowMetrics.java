package io.socialkpi.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.source.SourceQuality;
import io.socialkpi.source.SourceScan;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;

/**
 * The {@code window_metrics} table: every (entity, metric) of a source gets every window from the
 * source's first to its last window, and a window without observations is explicit: {@code n_obs =
 * 0} and a value of 0 for {@link GapPolicy#ZERO} metrics (counts, sums of flows) or null for {@link
 * GapPolicy#MISSING} (levels and means). A window at either end that the source's data covers only
 * in part is flagged {@code complete = false}, so a half week does not look like a drop, and so is
 * every window before the source's first real observation (a row counting for one of its metrics).
 * All sources go through one grouping (one shuffle); the ranges come from the scans' row
 * accounting, so no extra job computes them.
 */
public final class WindowMetrics {
  public static final StructType SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("entity", DataTypes.StringType)
          .add("window_start", DataTypes.DateType)
          .add("window_end", DataTypes.DateType)
          .add("metric", DataTypes.StringType)
          .add("aggregate", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("n_obs", DataTypes.LongType)
          .add("complete", DataTypes.BooleanType);

  private WindowMetrics() {}

  public static Dataset<Row> complete(SparkSession spark, List<SourceScan> scans, WindowUnit unit) {
    Map<String, SourceQuality> ranges = new HashMap<>();
    Map<String, MetricSpec> metrics = new HashMap<>();
    Dataset<Row> observed = null;
    for (SourceScan scan : scans) {
      SourceQuality q = scan.quality();
      if (q.firstDate() == null) {
        continue; // nothing accepted: no window to fill
      }
      ranges.put(q.source(), q);
      scan.source().metrics().forEach(m -> metrics.put(m.id(), m));
      observed = observed == null ? scan.windowValues() : observed.unionByName(scan.windowValues());
    }
    if (observed == null) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    // The first window with a real observation per source: one small job over the aggregates.
    Map<String, LocalDate> firstObserved = new HashMap<>();
    for (Row r :
        observed
            .filter(col("n_obs").gt(lit(0L)))
            .groupBy("source")
            .agg(min("window_start"))
            .collectAsList()) {
      firstObserved.put(r.getString(0), r.getDate(1).toLocalDate());
    }
    Map<String, WindowFill.Coverage> coverage = new HashMap<>();
    for (SourceQuality q : ranges.values()) {
      coverage.put(
          q.source(),
          new WindowFill.Coverage(q.firstDate(), q.lastDate(), firstObserved.get(q.source())));
    }
    WindowFill fill = new WindowFill(unit, coverage, metrics);
    // Keyed by a tuple, not a joined string: an entity is any text, a separator character too.
    FlatMapGroupsFunction<Tuple3<String, String, String>, Row, Row> perSeries =
        (key, rows) -> fill.fill(key._1(), key._2(), key._3(), rows);
    return observed
        .groupByKey(
            (MapFunction<Row, Tuple3<String, String, String>>)
                r -> new Tuple3<>(r.getAs("source"), r.getAs("entity"), r.getAs("metric")),
            Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.STRING()))
        .flatMapGroups(perSeries, Encoders.row(SCHEMA));
  }
}
