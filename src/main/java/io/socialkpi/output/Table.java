package io.socialkpi.output;

import io.socialkpi.tables.CorrelationRow;
import io.socialkpi.tables.EffectRow;
import io.socialkpi.tables.QualityRow;
import io.socialkpi.tables.QuarantineRow;
import io.socialkpi.tables.RowCodec;
import io.socialkpi.tables.RunInfoRow;
import io.socialkpi.tables.SummaryRow;
import io.socialkpi.tables.WindowMetricRow;
import org.apache.spark.sql.types.StructType;

/**
 * The tables a run writes, each with the record that defines its columns; the names are the
 * contract analysts query by (docs/TABLES.md).
 */
public enum Table {
  WINDOW_METRICS("window_metrics", WindowMetricRow.class),
  CORRELATIONS("correlations", CorrelationRow.class),
  INTERVENTION_EFFECTS("intervention_effects", EffectRow.class),
  OBJECTIVE_SUMMARY("objective_summary", SummaryRow.class),
  DATA_QUALITY("data_quality", QualityRow.class),
  QUARANTINE("quarantine", QuarantineRow.class),
  RUN_INFO("run_info", RunInfoRow.class);

  private final String tableName;
  private final Class<? extends Record> definition;

  Table(String tableName, Class<? extends Record> definition) {
    this.tableName = tableName;
    this.definition = definition;
  }

  public String tableName() {
    return tableName;
  }

  /** The record a row of the table is. */
  public Class<? extends Record> definition() {
    return definition;
  }

  /** The table's columns, without run_date. */
  public StructType schema() {
    return RowCodec.of(definition).schema();
  }
}
