package io.socialkpi.config;

/** What a window without observations holds for a metric. */
public enum GapPolicy {
  /** No events means zero events: counts and sums of flows. */
  ZERO,
  /** No observation means unknown: gauges, means, last values. Stored as null. */
  MISSING
}
