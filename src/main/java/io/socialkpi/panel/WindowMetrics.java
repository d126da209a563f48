package io.socialkpi.panel;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.source.SourceQuality;
import io.socialkpi.source.SourceScan;
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
 * in part is flagged {@code complete = false}, so a half week does not look like a drop. All
 * sources go through one grouping (one shuffle); the ranges come from the scans' row accounting, so
 * no extra job computes them.
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
    Map<String, WindowFill.Coverage> coverage = new HashMap<>();
    Map<String, MetricSpec> metrics = new HashMap<>();
    Dataset<Row> observed = null;
    for (SourceScan scan : scans) {
      SourceQuality q = scan.quality();
      if (q.firstDate() == null) {
        continue; // nothing accepted: no window to fill
      }
      coverage.put(q.source(), new WindowFill.Coverage(q.firstDate(), q.lastDate()));
      scan.source().metrics().forEach(m -> metrics.put(m.id(), m));
      observed = observed == null ? scan.windowValues() : observed.unionByName(scan.windowValues());
    }
    if (observed == null) {
      return spark.createDataFrame(List.of(), SCHEMA);
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
