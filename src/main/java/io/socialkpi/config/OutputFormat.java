package io.socialkpi.config;

/**
 * {@code run.output-format}: how a run's tables are stored under the output folder.
 *
 * <p>{@link #PARQUET} (the default): plain Parquet folders {@code <table>/run_date=D/}, which any
 * reader opens, published by directory renames. {@link #DELTA}: one Delta Lake table per output
 * table at {@code <table>/}, partitioned by {@code run_date}, a date replaced in one commit per
 * table: atomic on object stores, where a rename is a copy, and readable as it was before (time
 * travel). Delta needs its jars on the classpath; docs/TABLES.md, "Delta Lake output".
 */
public enum OutputFormat {
  PARQUET,
  DELTA;

  /** The value as the config spells it. */
  public String configName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
