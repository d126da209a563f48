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

import io.socialkpi.stats.Correlation;
import io.socialkpi.tables.CorrelationRow;
import io.socialkpi.tables.LeadEvidenceRow;
import io.socialkpi.tables.RowCodec;
import io.socialkpi.tables.SummaryRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
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
   * direction, as {@code lead_evidence}: structs of every correlation column, which the verdict
   * reads its leads from ({@link Verdicts.LeadEvidence}) and the table keeps some of ({@link
   * LeadEvidenceRow}).
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
        .agg(collect_list(columns(CorrelationRow.class)).as("lead_evidence"));
  }

  static Dataset<Row> withVerdicts(
      Dataset<Row> summaries, Dataset<Row> correlations, Dataset<Row> effects, double alpha) {
    Dataset<Row> outcomeEffects =
        effects
            .filter(col("role").equalTo("outcome"))
            .groupBy(KEY[0], KEY[1])
            .agg(collect_list(columns(OutcomeEffect.class)).as("_effects"));
    Dataset<Row> joined =
        summaries
            // A group's summary has the column, empty; the best lags fill it.
            .drop("lead_evidence")
            .join(bestLags(correlations), scala(KEY), "left")
            .join(outcomeEffects, scala(KEY), "left");
    MapFunction<Row, Row> decide = row -> verdictRow(row, alpha);
    return joined.map(decide, Encoders.row(RowCodec.of(SummaryRow.class).schema()));
  }

  private static Row verdictRow(Row row, double alpha) {
    SummaryRow summary = RowCodec.of(SummaryRow.class).decode(row);
    List<Row> leadRows = list(row, "lead_evidence");
    List<Verdicts.LeadEvidence> leads = new ArrayList<>();
    List<LeadEvidenceRow> tableLeads = new ArrayList<>();
    for (Row l : leadRows) {
      leads.add(RowCodec.of(Verdicts.LeadEvidence.class).decode(l));
      tableLeads.add(RowCodec.of(LeadEvidenceRow.class).decode(l));
    }
    // The strongest lead: smallest q, then the larger |coefficient|, then the name.
    Verdicts.LeadEvidence strongest = leads.stream().min(Verdicts.STRONGEST_FIRST).orElse(null);
    LeadEvidenceRow best = strongest == null ? null : tableLeads.get(leads.indexOf(strongest));
    List<OutcomeEffect> outcomeEffects = new ArrayList<>();
    for (Row e : list(row, "_effects")) {
      outcomeEffects.add(RowCodec.of(OutcomeEffect.class).decode(e));
    }
    // In launch order, whatever order collect_list gathered them in.
    outcomeEffects.sort(
        Comparator.comparing(OutcomeEffect::launched).thenComparing(OutcomeEffect::tacticId));
    List<TacticFinding.Evidence> evidence = new ArrayList<>();
    outcomeEffects.forEach(e -> evidence.add(e.evidence()));
    int sign = "down".equals(summary.expectedDirection()) ? -1 : 1;
    Verdicts.Verdict v =
        summary.controlEntity()
            ? new Verdicts.Verdict(
                Verdicts.INCONCLUSIVE,
                "control_entity",
                "the control entity: the tactics did not reach it")
            : Verdicts.decide(sign, alpha, evidence, leads);
    return RowCodec.of(SummaryRow.class)
        .encode(summary.withVerdict(v.verdict(), v.code(), v.reason(), best, tableLeads, alpha));
  }

  /** A struct of the columns a record reads, named as the record's codec names them. */
  private static Column columns(Class<? extends Record> type) {
    return struct(RowCodec.of(type).names().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  private static List<Row> list(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? List.of() : row.getList(i);
  }

  private static scala.collection.immutable.Seq<String> scala(String[] cols) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(cols)).toList();
  }
}
