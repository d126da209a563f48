package io.socialkpi.output;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and types of the evidence tables, in table order (docs/TABLES.md). {@code q_value}
 * of {@code correlations} is added across the whole run after these rows are made.
 */
public final class EvidenceSchemas {
  private EvidenceSchemas() {}

  public static final StructType CORRELATION =
      new StructType()
          .add("objective_id", DataTypes.StringType)
          .add("entity", DataTypes.StringType)
          .add("lead_metric", DataTypes.StringType)
          .add("outcome_metric", DataTypes.StringType)
          .add("lag", DataTypes.IntegerType)
          .add("method", DataTypes.StringType)
          .add("transform", DataTypes.StringType)
          .add("n", DataTypes.IntegerType)
          .add("coefficient", DataTypes.DoubleType)
          .add("p_value", DataTypes.DoubleType)
          .add("ci_low", DataTypes.DoubleType)
          .add("ci_high", DataTypes.DoubleType)
          .add("expected_direction", DataTypes.StringType)
          .add("direction_ok", DataTypes.BooleanType)
          .add("note", DataTypes.StringType);

  public static final StructType EFFECT =
      new StructType()
          .add("objective_id", DataTypes.StringType)
          .add("entity", DataTypes.StringType)
          .add("tactic_id", DataTypes.StringType)
          .add("metric", DataTypes.StringType)
          .add("role", DataTypes.StringType)
          .add("launched", DataTypes.DateType)
          .add("before_start", DataTypes.DateType)
          .add("before_end", DataTypes.DateType)
          .add("after_start", DataTypes.DateType)
          .add("after_end", DataTypes.DateType)
          .add("n_before", DataTypes.IntegerType)
          .add("n_after", DataTypes.IntegerType)
          .add("mean_before", DataTypes.DoubleType)
          .add("mean_after", DataTypes.DoubleType)
          .add("sd_before", DataTypes.DoubleType)
          .add("sd_after", DataTypes.DoubleType)
          .add("abs_change", DataTypes.DoubleType)
          .add("rel_change", DataTypes.DoubleType)
          .add("t_stat", DataTypes.DoubleType)
          .add("df", DataTypes.DoubleType)
          .add("p_value", DataTypes.DoubleType)
          .add("ci_low", DataTypes.DoubleType)
          .add("ci_high", DataTypes.DoubleType)
          .add("effect_size", DataTypes.DoubleType)
          .add("mann_whitney_p", DataTypes.DoubleType)
          .add("note", DataTypes.StringType)
          .add("control_metric", DataTypes.StringType)
          .add("did_estimate", DataTypes.DoubleType)
          .add("did_std_error", DataTypes.DoubleType)
          .add("did_p_value", DataTypes.DoubleType)
          .add("did_ci_low", DataTypes.DoubleType)
          .add("did_ci_high", DataTypes.DoubleType)
          .add("did_pre_trend_p", DataTypes.DoubleType)
          .add("did_note", DataTypes.StringType)
          .add("cf_predicted_mean", DataTypes.DoubleType)
          .add("cf_average_effect", DataTypes.DoubleType)
          .add("cf_cumulative_effect", DataTypes.DoubleType)
          .add("cf_relative_effect", DataTypes.DoubleType)
          .add("cf_ci_low", DataTypes.DoubleType)
          .add("cf_ci_high", DataTypes.DoubleType)
          .add("cf_p_value", DataTypes.DoubleType)
          .add("cf_note", DataTypes.StringType)
          .add("adj_model", DataTypes.StringType)
          .add("adj_n_pre", DataTypes.IntegerType)
          .add("adj_n_post", DataTypes.IntegerType)
          .add("adj_estimate", DataTypes.DoubleType)
          .add("adj_std_error", DataTypes.DoubleType)
          .add("adj_df", DataTypes.DoubleType)
          .add("adj_p_value", DataTypes.DoubleType)
          .add("adj_ci_low", DataTypes.DoubleType)
          .add("adj_ci_high", DataTypes.DoubleType)
          .add("adj_rel_effect", DataTypes.DoubleType)
          .add("adj_rel_ci_low", DataTypes.DoubleType)
          .add("adj_rel_ci_high", DataTypes.DoubleType)
          .add("adj_placebo_p_value", DataTypes.DoubleType)
          .add("adj_placebo_inflation", DataTypes.DoubleType)
          .add("adj_placebos", DataTypes.IntegerType)
          .add("adj_hac_lags", DataTypes.IntegerType)
          .add("adj_note", DataTypes.StringType);

  public static final StructType SUMMARY =
      new StructType()
          .add("objective_id", DataTypes.StringType)
          .add("objective_name", DataTypes.StringType)
          .add("entity", DataTypes.StringType)
          .add("department", DataTypes.StringType)
          .add("perspective", DataTypes.StringType)
          .add("priority", DataTypes.StringType)
          .add("outcome_metric", DataTypes.StringType)
          .add("expected_direction", DataTypes.StringType)
          .add("windows", DataTypes.IntegerType)
          .add("latest_window", DataTypes.DateType)
          .add("latest_value", DataTypes.DoubleType)
          .add("recent_value", DataTypes.DoubleType)
          .add("baseline_value", DataTypes.DoubleType)
          .add("target_value", DataTypes.DoubleType)
          .add("target_date", DataTypes.DateType)
          .add("progress", DataTypes.DoubleType)
          .add("on_track", DataTypes.BooleanType)
          .add("headline", DataTypes.StringType)
          .add("control_entity", DataTypes.BooleanType);

  /** A lead indicator's best lag, as listed in {@code objective_summary.lead_evidence}. */
  public static final StructType LEAD_EVIDENCE =
      new StructType()
          .add("lead_metric", DataTypes.StringType)
          .add("lag", DataTypes.IntegerType)
          .add("method", DataTypes.StringType)
          .add("transform", DataTypes.StringType)
          .add("coefficient", DataTypes.DoubleType)
          .add("q_value", DataTypes.DoubleType)
          .add("trend_driven", DataTypes.BooleanType);

  /** The {@code objective_summary} table: the summary plus what needs the run's q-values. */
  public static final StructType SUMMARY_WITH_VERDICT =
      SUMMARY
          .add("verdict", DataTypes.StringType)
          .add("verdict_reason", DataTypes.StringType)
          .add("best_lead_metric", DataTypes.StringType)
          .add("best_lag", DataTypes.IntegerType)
          .add("best_lead_q_value", DataTypes.DoubleType)
          .add("lead_evidence", DataTypes.createArrayType(LEAD_EVIDENCE));

  /** What one (objective, entity) group yields before it is split into tables. */
  public static final StructType GROUP_RESULT =
      new StructType()
          .add("correlations", DataTypes.createArrayType(CORRELATION))
          .add("effects", DataTypes.createArrayType(EFFECT))
          .add("summary", SUMMARY);
}
