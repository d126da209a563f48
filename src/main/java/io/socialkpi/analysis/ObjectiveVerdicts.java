package io.socialkpi.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.output.EvidenceSchemas;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The steps that need the whole run's q-values: the trend-driven flag of each level correlation,
 * the best lag of each lead indicator, and the verdict of each objective and entity. Each is a
 * fixed number of Spark stages, whatever the number of objectives or entities.
 */
final class ObjectiveVerdicts {
  private static final String[] KEY = {"objective_id", "entity"};

  private ObjectiveVerdicts() {}

  /**
   * A level correlation is trend-driven when it is significant (q below alpha) but the same pair in
   * first differences is not: two trending series correlate without any link.
   */
  static Dataset<Row> flagTrendDriven(Dataset<Row> correlations, double alpha) {
    WindowSpec pair = Window.partitionBy("objective_id", "entity", "lead_metric", "lag", "method");
    Column diffQ = max(when(col("transform").equalTo("diff"), col("q_value"))).over(pair);
    Column levelSignificant = col("transform").equalTo("level").and(col("q_value").lt(alpha));
    Column diffSignificant = diffQ.isNotNull().and(diffQ.lt(alpha));
    return correlations.withColumn(
        "trend_driven",
        when(col("q_value").isNull(), lit(null).cast("boolean"))
            .otherwise(levelSignificant.and(diffSignificant.equalTo(false))));
  }

  /**
   * Per objective, entity and lead indicator: the lag with the smallest q in the expected
   * direction.
   */
  static Dataset<Row> bestLags(Dataset<Row> correlations) {
    WindowSpec perLead =
        Window.partitionBy("objective_id", "entity", "lead_metric")
            .orderBy(col("q_value"), col("lag"), col("transform"), col("method").desc());
    Dataset<Row> best =
        correlations
            .filter(col("direction_ok").equalTo(true).and(col("q_value").isNotNull()))
            .withColumn("_rank", row_number().over(perLead))
            .filter(col("_rank").equalTo(1));
    return best.groupBy(KEY[0], KEY[1])
        .agg(
            collect_list(
                    struct(
                        col("lead_metric"),
                        col("lag"),
                        col("method"),
                        col("transform"),
                        col("coefficient"),
                        col("q_value"),
                        col("trend_driven")))
                .as("lead_evidence"));
  }

  static Dataset<Row> withVerdicts(
      Dataset<Row> summaries, Dataset<Row> correlations, Dataset<Row> effects, double alpha) {
    Dataset<Row> outcomeEffects =
        effects
            .filter(col("role").equalTo("outcome"))
            .groupBy(KEY[0], KEY[1])
            .agg(
                collect_list(
                        struct(
                            col("tactic_id"),
                            col("ci_low"),
                            col("ci_high"),
                            col("did_ci_low"),
                            col("did_ci_high"),
                            col("cf_ci_low"),
                            col("cf_ci_high")))
                    .as("_effects"));
    Dataset<Row> joined =
        summaries
            .join(bestLags(correlations), scala(KEY), "left")
            .join(outcomeEffects, scala(KEY), "left");
    int n = EvidenceSchemas.SUMMARY.size();
    MapFunction<Row, Row> decide = row -> verdictRow(row, n, alpha);
    return joined.map(decide, Encoders.row(EvidenceSchemas.SUMMARY_WITH_VERDICT));
  }

  private static Row verdictRow(Row row, int n, double alpha) {
    List<Verdicts.LeadEvidence> leads = new ArrayList<>();
    Row bestLead = null;
    List<Row> leadRows =
        row.isNullAt(row.fieldIndex("lead_evidence"))
            ? List.of()
            : row.getList(row.fieldIndex("lead_evidence"));
    for (Row l : leadRows) {
      Verdicts.LeadEvidence e =
          new Verdicts.LeadEvidence(
              l.getString(0),
              l.getInt(1),
              l.getDouble(4),
              l.getDouble(5),
              !l.isNullAt(6) && l.getBoolean(6));
      leads.add(e);
      if (bestLead == null || l.getDouble(5) < bestLead.getDouble(5)) {
        bestLead = l;
      }
    }
    List<Verdicts.OutcomeEffect> effects = new ArrayList<>();
    List<Row> effectRows =
        row.isNullAt(row.fieldIndex("_effects"))
            ? List.of()
            : row.getList(row.fieldIndex("_effects"));
    for (Row e : effectRows) {
      effects.add(
          new Verdicts.OutcomeEffect(
              e.getString(0), num(e, 1), num(e, 2), num(e, 3), num(e, 4), num(e, 5), num(e, 6)));
    }
    int sign = "down".equals(row.getAs("expected_direction")) ? -1 : 1;
    Verdicts.Verdict v =
        row.<Boolean>getAs("control_entity")
            ? new Verdicts.Verdict(
                Verdicts.INCONCLUSIVE, "the control entity: the tactics did not reach it")
            : Verdicts.decide(sign, alpha, effects, leads);
    Object[] values = new Object[EvidenceSchemas.SUMMARY_WITH_VERDICT.size()];
    for (int i = 0; i < n; i++) {
      values[i] = row.get(row.fieldIndex(EvidenceSchemas.SUMMARY.fields()[i].name()));
    }
    int headline = EvidenceSchemas.SUMMARY.fieldIndex("headline");
    values[headline] = capitalise(v.verdict()) + ". " + values[headline];
    values[n] = v.verdict();
    values[n + 1] = v.reason();
    values[n + 2] = bestLead == null ? null : bestLead.getString(0);
    values[n + 3] = bestLead == null ? null : bestLead.getInt(1);
    values[n + 4] = bestLead == null ? null : bestLead.getDouble(5);
    values[n + 5] =
        leadRows.isEmpty()
            ? null
            : scala.jdk.javaapi.CollectionConverters.asScala(leadRows).toSeq();
    return RowFactory.create(values);
  }

  private static double num(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static scala.collection.immutable.Seq<String> scala(String[] cols) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(cols)).toList();
  }
}
