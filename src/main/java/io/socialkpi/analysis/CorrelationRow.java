package io.socialkpi.analysis;

import java.io.Serializable;

/**
 * One lagged correlation test of a lead indicator against an objective's outcome: a row of the
 * {@code correlations} table before q-values are added across the run.
 *
 * @param directionOk whether the coefficient's sign is the expected one; null without coefficient
 */
public record CorrelationRow(
    String objectiveId,
    String entity,
    String leadMetric,
    String outcomeMetric,
    int lag,
    String method,
    String transform,
    int n,
    double coefficient,
    double pValue,
    double ciLow,
    double ciHigh,
    String expectedDirection,
    Boolean directionOk,
    String note)
    implements Serializable {}
