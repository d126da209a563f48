package io.socialkpi.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * The manager's report that {@code run} renders from the tables at its end ({@code report.*}).
 *
 * @param maxEntities entities shown per objective; the others are counted
 * @param examplesPerReason quarantined rows shown per source and reason
 * @param staleAfter an outcome whose data ends longer than this before the run date is flagged as
 *     stale; null: two windows
 */
public record ReportSettings(
    boolean enabled, int maxEntities, int examplesPerReason, Duration staleAfter)
    implements Serializable {}
