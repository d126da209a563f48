package io.socialkpi.report;

/**
 * How much of a run the report shows.
 *
 * @param maxEntities entities shown per objective (treated first, then by strength of evidence);
 *     the rest are counted, and are in the tables
 * @param examplesPerReason quarantined rows shown per source and reason
 */
public record ReportOptions(int maxEntities, int examplesPerReason) {
  public static final ReportOptions DEFAULTS = new ReportOptions(12, 3);

  public ReportOptions {
    if (maxEntities < 1) {
      throw new IllegalArgumentException("max entities must be at least 1, not " + maxEntities);
    }
    if (examplesPerReason < 0) {
      throw new IllegalArgumentException("examples per reason must be 0 or more");
    }
  }
}
