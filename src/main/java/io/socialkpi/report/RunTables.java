package io.socialkpi.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.output.Table;
import io.socialkpi.output.TableData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * One run's partitions of the output tables, read with Spark and cut to what a report can show
 * before anything reaches the driver: at most {@code maxEntities} entities per objective, their
 * lead indicators' lags, and the chart series of those entities only. A run with 100,000 entities
 * yields a report of the same size as one with a dozen.
 */
final class RunTables {
  private final SparkSession spark;
  private final Map<Table, TableData> partitions;

  /**
   * The run's tables at {@code partitions}: a published run's partitions (or dates of Delta
   * tables), or a run's staged tables before it publishes them; a table not in the map is one the
   * run has not written.
   */
  RunTables(SparkSession spark, Map<Table, TableData> partitions) {
    this.spark = spark;
    this.partitions = Map.copyOf(partitions);
  }

  boolean exists(Table table) {
    return partitions.containsKey(table);
  }

  Dataset<Row> read(Table table) {
    TableData partition = partitions.get(table);
    if (partition == null) {
      throw new IllegalStateException("the run has no " + table.tableName() + " table");
    }
    return partition.read(spark);
  }

  /**
   * The summary rows shown: per objective, treated entities before control entities, then
   * supported, contradicted, inconclusive, then by the best lead's q-value.
   */
  Dataset<Row> shownSummaries(int maxEntities) {
    var order =
        Window.partitionBy("objective_id")
            .orderBy(
                col("control_entity").asc_nulls_first(),
                when(col("verdict").equalTo("supported"), 0)
                    .when(col("verdict").equalTo("contradicted"), 1)
                    .otherwise(2),
                col("best_lead_q_value").asc_nulls_last(),
                col("entity"));
    return read(Table.OBJECTIVE_SUMMARY)
        .withColumn("shown_rank", row_number().over(order))
        .where(col("shown_rank").leq(maxEntities));
  }

  /**
   * The entities of {@code objectives}, at most {@code limit} per objective, by progress toward the
   * target, then recent value: what the ranked dot plot of an objective with more entities than
   * shown draws.
   */
  List<Row> ranking(List<String> objectives, int limit) {
    var order =
        Window.partitionBy("objective_id")
            .orderBy(
                col("progress").desc_nulls_last(),
                col("recent_value").desc_nulls_last(),
                col("entity"));
    return read(Table.OBJECTIVE_SUMMARY)
        .where(col("objective_id").isin(objectives.toArray()))
        .select("objective_id", "entity", "verdict", "control_entity", "progress", "recent_value")
        .withColumn("ranked", row_number().over(order))
        .where(col("ranked").leq(limit))
        .collectAsList();
  }

  /** Per objective and verdict, how many entities the run has. */
  List<Row> verdictCounts() {
    return read(Table.OBJECTIVE_SUMMARY).groupBy("objective_id", "verdict").count().collectAsList();
  }

  List<Row> effectsOf(Dataset<Row> shown) {
    return read(Table.INTERVENTION_EFFECTS)
        .join(shown.select("objective_id", "entity"), seq("objective_id", "entity"), "left_semi")
        .collectAsList();
  }

  /** Every lag of each shown lead indicator, in the method and transform of its best lag. */
  List<Row> lagsOf(Dataset<Row> shown) {
    Dataset<Row> leads =
        shown
            .select(col("objective_id"), col("entity"), explode(col("lead_evidence")).as("le"))
            .select(
                col("objective_id"),
                col("entity"),
                col("le.lead_metric").as("lead_metric"),
                col("le.method").as("method"),
                col("le.transform").as("transform"));
    return read(Table.CORRELATIONS)
        .join(
            leads, seq("objective_id", "entity", "lead_metric", "method", "transform"), "left_semi")
        .collectAsList();
  }

  /** The window metrics of the given (metric, entity) pairs. */
  List<Row> seriesOf(List<String[]> metricEntities) {
    List<Row> keys = new ArrayList<>();
    for (String[] me : metricEntities) {
      keys.add(org.apache.spark.sql.RowFactory.create(me[0], me[1]));
    }
    Dataset<Row> wanted =
        spark.createDataFrame(
            keys,
            new org.apache.spark.sql.types.StructType()
                .add("metric", "string")
                .add("entity", "string"));
    return read(Table.WINDOW_METRICS)
        .join(
            org.apache.spark.sql.functions.broadcast(wanted), seq("metric", "entity"), "left_semi")
        .select("metric", "entity", "window_start", "value", "complete")
        .collectAsList();
  }

  List<Row> quality() {
    return read(Table.DATA_QUALITY).collectAsList();
  }

  List<Row> quarantineCounts() {
    return read(Table.QUARANTINE).groupBy("source", "reason").count().collectAsList();
  }

  /** The first {@code perReason} rows of each source and reason, raw text cut to 240 chars. */
  List<Row> quarantineExamples(int perReason) {
    var order = Window.partitionBy("source", "reason").orderBy(col("file"), col("line"));
    return read(Table.QUARANTINE)
        .withColumn("example", row_number().over(order))
        .where(col("example").leq(perReason))
        .select(
            col("source"),
            col("reason"),
            col("file"),
            col("line"),
            col("detail"),
            substring(col("raw"), 1, 240).as("raw"))
        .collectAsList();
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
