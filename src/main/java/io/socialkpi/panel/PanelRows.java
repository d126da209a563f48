package io.socialkpi.panel;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.tables.RowCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The long panel: (objective_id, entity, metric, window_start, value) for every metric an objective
 * reads, over complete windows. A metric from a source without entities is shared: it is repeated
 * for each entity of the objective's outcome.
 */
public final class PanelRows {
  /** What a metric is to an objective: its outcome or not, shared by all entities or not. */
  private record Role(String objectiveId, String metric, boolean shared, boolean isOutcome) {}

  /** An objective's control entity and the series name its outcome there goes by. */
  private record ControlEntity(
      String objectiveId, String outcome, String controlEntity, String series) {}

  private PanelRows() {}

  public static Dataset<Row> build(
      SparkSession spark, Settings settings, Dataset<Row> windowMetrics) {
    List<Role> roles = new ArrayList<>();
    for (ObjectiveSpec o : settings.objectives()) {
      for (String metric : o.metrics()) {
        boolean shared = !settings.sourceOf(metric).hasEntity();
        roles.add(new Role(o.id(), metric, shared, metric.equals(o.outcome())));
      }
    }
    Dataset<Row> role = broadcast(frame(spark, Role.class, roles));
    Dataset<Row> values =
        windowMetrics
            .filter(col("complete"))
            .select(col("entity"), col("metric"), col("window_start"), col("value"));
    Dataset<Row> withRole = values.join(role, "metric");
    Dataset<Row> outcomeEntities =
        withRole.filter(col("is_outcome")).select(col("objective_id"), col("entity")).distinct();
    Dataset<Row> own = withRole.filter(col("shared").equalTo(false));
    Dataset<Row> shared =
        withRole.filter(col("shared")).drop("entity").join(outcomeEntities, "objective_id");
    String[] cols = {"objective_id", "entity", "metric", "window_start", "value"};
    return own.selectExpr(cols)
        .unionByName(shared.selectExpr(cols))
        .unionByName(controlEntityRows(spark, settings, values, outcomeEntities).selectExpr(cols));
  }

  private static <R extends Record> Dataset<Row> frame(
      SparkSession spark, Class<R> type, List<R> records) {
    RowCodec<R> codec = RowCodec.of(type);
    return spark.createDataFrame(codec.encodeAll(records), codec.schema());
  }

  /**
   * Each objective's control-entity outcome, as series {@code outcome@entity} of every other
   * entity; one plan branch for all objectives, so the job count does not depend on them.
   */
  private static Dataset<Row> controlEntityRows(
      SparkSession spark, Settings settings, Dataset<Row> values, Dataset<Row> outcomeEntities) {
    List<ControlEntity> defs = new ArrayList<>();
    for (ObjectiveSpec o : settings.objectives()) {
      if (o.controlEntity() != null) {
        defs.add(
            new ControlEntity(o.id(), o.outcome(), o.controlEntity(), o.controlEntitySeries()));
      }
    }
    Dataset<Row> controls = broadcast(frame(spark, ControlEntity.class, defs));
    Dataset<Row> series =
        values
            .join(
                controls,
                values
                    .col("metric")
                    .equalTo(controls.col("outcome"))
                    .and(values.col("entity").equalTo(controls.col("control_entity"))))
            .select(
                controls.col("objective_id"),
                controls.col("control_entity"),
                controls.col("series").as("metric"),
                values.col("window_start"),
                values.col("value"));
    return series
        .join(outcomeEntities, "objective_id")
        .filter(col("entity").notEqual(col("control_entity")));
  }
}
