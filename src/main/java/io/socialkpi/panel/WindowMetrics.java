package io.socialkpi.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.TimeSpec;
import io.socialkpi.source.SourceQuality;
import io.socialkpi.source.SourceScan;
import io.socialkpi.tables.RowCodec;
import io.socialkpi.tables.WindowMetricRow;
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
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;

/**
 * The {@code window_metrics} table: every (entity, metric) of a source gets every window from the
 * source's first to its last window, and a window without observations is explicit: {@code n_obs =
 * 0} and a value of 0 for {@link GapPolicy#ZERO} metrics (counts, sums of flows) or null for {@link
 * GapPolicy#MISSING} (levels and means). A window at either end that the source's data covers only
 * in part is flagged {@code complete = false}, so a half week does not look like a drop, and so is
 * every window before the source's first real observation (a row counting for one of its metrics).
 * A row of a weekly or monthly export covers its whole week or month ({@code time.grain}), so the
 * window of its last period is complete once that period is over. All sources go through one
 * grouping (one shuffle); the ranges come from the scans' row accounting, so no extra job computes
 * them.
 */
public final class WindowMetrics {
  /** The table's columns, from its definition {@link WindowMetricRow}. */
  public static final StructType SCHEMA = RowCodec.of(WindowMetricRow.class).schema();

  private WindowMetrics() {}

  /**
   * The {@code window_metrics} table: every source's metrics per entity and window, gaps filled by
   * each metric's policy and every window marked complete or not.
   *
   * @param unit the run's window
   * @param runDate the run date: a week or month of a weekly or monthly source still running on it
   *     is covered up to it only
   */
  public static Dataset<Row> complete(
      SparkSession spark, List<SourceScan> scans, WindowUnit unit, LocalDate runDate) {
    Map<String, SourceScan> withRows = new HashMap<>();
    Map<String, MetricSpec> metrics = new HashMap<>();
    Dataset<Row> observed = null;
    for (SourceScan scan : scans) {
      SourceQuality q = scan.quality();
      if (q.firstDate() == null) {
        continue; // nothing accepted: no window to fill
      }
      withRows.put(q.source(), scan);
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
    for (SourceScan scan : withRows.values()) {
      String source = scan.source().name();
      coverage.put(
          source,
          coverage(scan.quality(), scan.source().time(), runDate, firstObserved.get(source)));
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

  /**
   * The days a source's accepted rows cover. A row of its own day covers that day. A row of a
   * weekly or monthly source ({@code time.grain}) covers its whole week or month: its stamp is on
   * the period's first or last day (other rows were quarantined), so the period is the window
   * holding the stamp: the coverage reaches back to the first period's start and on to the last
   * period's end, but only up to the run date, since a period still running is not over (its value
   * is the period so far).
   */
  static WindowFill.Coverage coverage(
      SourceQuality q, TimeSpec time, LocalDate runDate, LocalDate firstObserved) {
    if (!time.periodGrain()) {
      return new WindowFill.Coverage(q.firstDate(), q.lastDate(), firstObserved);
    }
    WindowUnit grain = time.grain();
    LocalDate lastEnd = grain.end(grain.start(q.lastDate()));
    return new WindowFill.Coverage(
        grain.start(q.firstDate()), lastEnd.isAfter(runDate) ? runDate : lastEnd, firstObserved);
  }
}
