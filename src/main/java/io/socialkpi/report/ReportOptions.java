package io.socialkpi.report;

import java.time.Duration;

/**
 * How much of a run the report shows, and when its data counts as stale.
 *
 * @param maxEntities entities shown per objective (treated first, then by strength of evidence);
 *     the rest are counted, and are in the tables
 * @param examplesPerReason quarantined rows shown per source and reason
 * @param staleAfter an outcome whose data ends longer than this before the run date is flagged;
 *     null: two windows of the run
 */
public record ReportOptions(int maxEntities, int examplesPerReason, Duration staleAfter) {
  public static final ReportOptions DEFAULTS = new ReportOptions(12, 3, null);

  public ReportOptions {
    if (maxEntities < 1) {
      throw new IllegalArgumentException("max entities must be at least 1, not " + maxEntities);
    }
    if (examplesPerReason < 0) {
      throw new IllegalArgumentException("examples per reason must be 0 or more");
    }
    if (staleAfter != null && (staleAfter.isNegative() || staleAfter.isZero())) {
      throw new IllegalArgumentException("stale-after must be positive, not " + staleAfter);
    }
  }
}
