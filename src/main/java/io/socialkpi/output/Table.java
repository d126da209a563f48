package io.socialkpi.output;

/** The tables a run writes; the names are the contract analysts query by (docs/TABLES.md). */
public enum Table {
  WINDOW_METRICS("window_metrics"),
  CORRELATIONS("correlations"),
  INTERVENTION_EFFECTS("intervention_effects"),
  OBJECTIVE_SUMMARY("objective_summary"),
  DATA_QUALITY("data_quality"),
  QUARANTINE("quarantine"),
  RUN_INFO("run_info");

  private final String tableName;

  Table(String tableName) {
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }
}
