package io.socialkpi.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.panel.ObjectivePanel;
import io.socialkpi.spark.DriverRows;
import io.socialkpi.tables.RowCodec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Runs {@link ObjectiveEvidence} once per (objective, entity) group inside Spark: the panel rows
 * are grouped by key, each group becomes an {@link ObjectivePanel} on an executor, and the results
 * come back as three tables. The driver never holds the panel, and the number of Spark jobs does
 * not depend on how many objectives or entities there are.
 */
public final class EvidenceEngine {
  private Dataset<Row> results;
  private final double alpha;
  private Dataset<Row> correlations;

  private EvidenceEngine(Dataset<Row> results, double alpha) {
    this.results = results;
    this.alpha = alpha;
  }

  /** Plans the evidence over the long panel (objective_id, entity, metric, window_start, value). */
  public static EvidenceEngine over(Dataset<Row> panelRows, Settings settings) {
    Map<String, ObjectiveSpec> objectives = new LinkedHashMap<>();
    for (ObjectiveSpec o : settings.objectives()) {
      objectives.put(o.id(), o);
    }
    ObjectiveEvidence evidence =
        new ObjectiveEvidence(
            settings.run().window(), settings.analysis(), settings.run().runDateOrToday());
    MapGroupsFunction<Tuple2<String, String>, Row, Row> perGroup =
        (key, rows) -> {
          String objectiveId = key._1();
          String entity = key._2();
          ObjectivePanel panel = ObjectivePanel.of(objectiveId, entity, cells(rows));
          // The codec is looked up in the task (built once per executor), not serialized.
          return RowCodec.of(ObjectiveEvidence.Result.class)
              .encode(evidence.compute(objectives.get(objectiveId), panel));
        };
    Dataset<Row> results =
        panelRows
            // Keyed by a tuple, not a joined string: an entity is any text, NUL included.
            .groupByKey(
                (MapFunction<Row, Tuple2<String, String>>)
                    r -> new Tuple2<>(r.<String>getAs("objective_id"), r.<String>getAs("entity")),
                Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
            .mapGroups(perGroup, Encoders.row(RowCodec.of(ObjectiveEvidence.Result.class).schema()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    return new EvidenceEngine(results, settings.analysis().alpha());
  }

  private static List<ObjectivePanel.Cell> cells(Iterator<Row> rows) {
    List<ObjectivePanel.Cell> cells = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      Object window = r.getAs("window_start");
      LocalDate date = window instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) window;
      Double value = r.isNullAt(r.fieldIndex("value")) ? null : r.<Double>getAs("value");
      cells.add(new ObjectivePanel.Cell(r.getAs("metric"), date, value));
    }
    return cells;
  }

  /** Computes every group's evidence now, so the time is spent here; returns the group count. */
  public long materialise() {
    return results.count();
  }

  /**
   * Computes every group's evidence and keeps it on the driver, as a local table: for a small run,
   * whose evidence is a few kilobytes. Every table planned from it then starts from a plain local
   * relation instead of the grouping and its row encoders, which the driver would otherwise analyse
   * again for each of them. Past {@code maxGroups} groups it stays persisted by Spark. Returns the
   * group count.
   */
  public long materialiseLocally(int maxGroups) {
    List<Row> collected = DriverRows.atMost(results, maxGroups);
    if (collected.size() > maxGroups) {
      return results.count();
    }
    Dataset<Row> computed = results;
    results = computed.sparkSession().createDataFrame(collected, computed.schema());
    computed.unpersist();
    return collected.size();
  }

  /** Correlations with q-values over every test of the run and the trend-driven flag. */
  public Dataset<Row> correlations() {
    if (correlations == null) {
      Dataset<Row> raw = results.select(explode(col("correlations")).as("c")).select("c.*");
      correlations =
          ObjectiveVerdicts.flagTrendDriven(QValues.add(raw), alpha)
              .persist(StorageLevel.MEMORY_AND_DISK());
    }
    return correlations;
  }

  public Dataset<Row> effects() {
    return results.select(explode(col("effects")).as("e")).select("e.*");
  }

  /** One row per objective and entity, with best lags and the verdict. */
  public Dataset<Row> summaries() {
    return ObjectiveVerdicts.withVerdicts(
        results.select("summary.*"), correlations(), effects(), alpha);
  }

  public void release() {
    results.unpersist();
    if (correlations != null) {
      correlations.unpersist();
    }
  }
}
