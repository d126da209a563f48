package io.socialkpi.config;

/** File formats a source can be read from. */
public enum SourceFormat {
  CSV,
  /** JSON lines: one object per line. */
  JSON,
  PARQUET,
  /**
   * One sheet of an Excel workbook (.xlsx or .xls): each row is read as a CSV record of its cells'
   * values, so the csv keys about rows (skip-lines, header-rows) apply to it as to a CSV file.
   */
  SPREADSHEET;

  /**
   * Whether the source is read as CSV records under a header: CSV files, and spreadsheets, whose
   * rows are turned into such records.
   */
  public boolean csvRecords() {
    return this == CSV || this == SPREADSHEET;
  }
}
