package io.socialkpi.analysis;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.signum;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.output.EvidenceSchemas;
import io.socialkpi.stats.Correlation;
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
   * first differences is not, or is significant with the opposite sign: two trending series
   * correlate without any link.
   */
  static Dataset<Row> flagTrendDriven(Dataset<Row> correlations, double alpha) {
    WindowSpec pair = Window.partitionBy("objective_id", "entity", "lead_metric", "lag", "method");
    Column diffQ = max(when(col("transform").equalTo("diff"), col("q_value"))).over(pair);
    Column diffSign =
        max(when(col("transform").equalTo("diff"), signum(col("coefficient")))).over(pair);
    Column levelSignificant = col("transform").equalTo("level").and(col("q_value").lt(alpha));
    // The differences confirm the level only when they are significant the same way round.
    Column diffConfirms =
        diffQ.isNotNull().and(diffQ.lt(alpha)).and(diffSign.equalTo(signum(col("coefficient"))));
    return correlations.withColumn(
        "trend_driven",
        when(col("q_value").isNull(), lit(null).cast("boolean"))
            .otherwise(levelSignificant.and(coalesce(diffConfirms, lit(false)).equalTo(false))));
  }

  /**
   * Per objective, entity and lead indicator: the lag with the smallest q in the expected
   * direction.
   */
  static Dataset<Row> bestLags(Dataset<Row> correlations) {
    WindowSpec perLead =
        Window.partitionBy("objective_id", "entity", "lead_metric")
            .orderBy(
                col("q_value"),
                abs(col("coefficient")).desc(),
                col("lag"),
                col("transform"),
                col("method").desc());
    Dataset<Row> best =
        correlations
            .filter(
                col("direction_ok")
                    .equalTo(true)
                    .and(col("q_value").isNotNull())
                    .and(col("n").geq(Correlation.MIN_PAIRS_FOR_EVIDENCE)))
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
                        col("trend_driven"),
                        col("n")))
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
                            col("launched"),
                            col("ci_low"),
                            col("ci_high"),
                            col("adj_estimate"),
                            col("adj_p_value"),
                            col("adj_placebo_p_value"),
                            col("adj_note"),
                            col("control_metric"),
                            col("did_estimate"),
                            col("did_p_value"),
                            col("did_pre_trend_p")))
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
    List<Row> leadRows =
        row.isNullAt(row.fieldIndex("lead_evidence"))
            ? List.of()
            : row.getList(row.fieldIndex("lead_evidence"));
    for (Row l : leadRows) {
      leads.add(
          new Verdicts.LeadEvidence(
              l.getAs("lead_metric"),
              l.<Integer>getAs("lag"),
              l.getAs("method"),
              l.<Double>getAs("coefficient"),
              l.<Double>getAs("q_value"),
              Boolean.TRUE.equals(l.getAs("trend_driven")),
              l.<Integer>getAs("n"),
              true));
    }
    // The strongest lead: smallest q, then the larger |coefficient|, then the name.
    Verdicts.LeadEvidence best = leads.stream().min(Verdicts.STRONGEST_FIRST).orElse(null);
    List<TacticFinding.Evidence> effects = new ArrayList<>();
    List<Row> effectRows =
        row.isNullAt(row.fieldIndex("_effects"))
            ? new ArrayList<>()
            : new ArrayList<>(row.getList(row.fieldIndex("_effects")));
    // In launch order, whatever order collect_list gathered them in.
    effectRows.sort(
        java.util.Comparator.comparing((Row e) -> e.<java.sql.Date>getAs("launched"))
            .thenComparing(e -> e.<String>getAs("tactic_id")));
    for (Row e : effectRows) {
      effects.add(
          new TacticFinding.Evidence(
              e.getAs("tactic_id"),
              num(e, "ci_low"),
              num(e, "ci_high"),
              num(e, "adj_estimate"),
              num(e, "adj_p_value"),
              num(e, "adj_placebo_p_value"),
              e.getAs("adj_note"),
              e.getAs("control_metric") != null,
              num(e, "did_estimate"),
              num(e, "did_p_value"),
              num(e, "did_pre_trend_p")));
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
    values[n + 2] = best == null ? null : best.leadMetric();
    values[n + 3] = best == null ? null : best.lag();
    values[n + 4] = best == null ? null : best.qValue();
    values[n + 5] =
        leadRows.isEmpty()
            ? null
            : scala.jdk.javaapi.CollectionConverters.asScala(leadEvidence(leadRows)).toSeq();
    return RowFactory.create(values);
  }

  /** The lead_evidence structs as the table has them (without the pair count used above). */
  private static List<Row> leadEvidence(List<Row> rows) {
    List<Row> out = new ArrayList<>();
    for (Row l : rows) {
      Object[] v = new Object[EvidenceSchemas.LEAD_EVIDENCE.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = l.get(l.fieldIndex(EvidenceSchemas.LEAD_EVIDENCE.fields()[i].name()));
      }
      out.add(RowFactory.create(v));
    }
    return out;
  }

  private static double num(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static scala.collection.immutable.Seq<String> scala(String[] cols) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(cols)).toList();
  }
}
