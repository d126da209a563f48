package io.socialkpi.config;

import java.io.Serializable;

/**
 * The manager's report that {@code run} renders from the tables at its end ({@code report.*}).
 *
 * @param maxEntities entities shown per objective; the others are counted
 * @param examplesPerReason quarantined rows shown per source and reason
 */
public record ReportSettings(boolean enabled, int maxEntities, int examplesPerReason)
    implements Serializable {}
