package io.socialkpi.tables;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One metric of one source's entity in one calendar window: a row of the {@code window_metrics}
 * table, and its definition ({@link RowCodec} derives the columns; documented in docs/TABLES.md).
 *
 * @param value the aggregate over the window's accepted rows; null for an empty window of a metric
 *     whose gaps are missing, not zero
 * @param nObs rows that contributed; 0 for an empty window
 * @param complete the source's data covers every day of the window
 */
public record WindowMetricRow(
    String source,
    String entity,
    LocalDate windowStart,
    LocalDate windowEnd,
    String metric,
    String aggregate,
    Double value,
    long nObs,
    boolean complete)
    implements Serializable {}
