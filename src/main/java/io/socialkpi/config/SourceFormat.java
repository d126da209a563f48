package io.socialkpi.config;

/** File formats a source can be read from. */
public enum SourceFormat {
  CSV,
  /** JSON lines: one object per line. */
  JSON,
  PARQUET
}
